// Words for a city's profile (市の設定): its problems, with the key and the line, and the CLI's
// profile command.
import type { ProfileProblem } from "../core/profile/validateProfile";
import type { ResolvedSettings, SettingSource } from "../core/profile/resolveSettings";

const PROBLEM: Record<ProfileProblem["kind"], (p: ProfileProblem) => string> = {
  syntax: () => "JSON として読めません（括弧・引用符・カンマを確認してください）",
  type: (p) => `「${p.key}」の値の種類が違います（${p.expected ?? ""} にしてください）`,
  required: (p) => `「${p.key}」がありません`,
  "unknown-key": (p) => `「${p.key}」は設定の項目にありません（使える項目: ${p.expected ?? ""}）`,
  "not-allowed": (p) => `「${p.key}」の値が使えません（${p.expected ?? ""} のいずれか）`,
  "too-small": (p) => `「${p.key}」の値が小さすぎます（${p.expected ?? ""} 以上）`,
  "too-large": (p) => `「${p.key}」の値が大きすぎます（${p.expected ?? ""} 以下）`,
  pattern: (p) => `「${p.key}」の書き方が違います（列は B や C:D のように書きます）`,
  "levels-order": (p) =>
    `「${p.key}」: 評価の段階は良い順に、下限（min）が下がっていくように並べ、最後の段階だけ min を null にしてください`,
  "unknown-level": (p) => `「${p.key}」は評価の段階にない語です（${p.expected ?? ""}）`,
  "bad-year": (p) => `「${p.key}」を年度として読めません（令和5年度、R5、2023年度 のように書きます）`,
};

export const PROFILE_TEXT = {
  problemLine: (file: string, p: ProfileProblem) =>
    `${file}${p.line !== null ? `:${p.line}行目` : ""}: ${PROBLEM[p.kind](p)}`,
  badProfile: (file: string) => `市の設定ファイル「${file}」を使えません。`,
  notFound: (file: string) => `市の設定ファイル「${file}」を読み込めません。`,
  tooLarge: (file: string) => `市の設定ファイル「${file}」が大きすぎます（1 MB まで）。`,
  wrote: (file: string) =>
    `市の設定の下書きを ${file} に書きました。各列の項目（readings）を確かめ、違うものだけ fields に直してください。`,
  initNeedsOutput:
    "書き出すファイルを -o で指定してください（例: kensho profile init 様式.xlsx -o 市の設定.json）。",
  initNeedsFile: "下書きを作るブック（.xlsx）を一つ指定してください。",
  unknownSub: (word: string) => `「${word}」は profile のコマンドにありません（profile init だけです）。`,
  notRead: "このブックからは効果検証シートを読み取れなかったため、見つかった見出しだけを下書きに書きました。",
};

const SOURCE_WORDS: Record<SettingSource, string> = {
  stated: "指定",
  profile: "市の設定",
  default: "既定",
};

/** "年度: 指定、基準: 市の設定 …" — where each setting came from, for --explain-layout. */
export function settingSourcesLine(s: ResolvedSettings, name: string): string {
  return (
    `市の設定: ${name}（年度: ${SOURCE_WORDS[s.sources.fiscalYear]}、評価区分: ${SOURCE_WORDS[s.sources.scale]}` +
    `${s.scale ? `［${s.scale.levels.map((l) => l.name).join("・")}］` : ""}、` +
    `しきい値: ${SOURCE_WORDS[s.sources.thresholds]}、列の読み取り: ${SOURCE_WORDS[s.sources.layout]}）`
  );
}
