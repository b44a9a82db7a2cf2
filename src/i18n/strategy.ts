// What kensho says about a KPI master file (`--strategy FILE`, `kensho strategy --export FILE`).
import type { FieldExpectation, MasterProblem } from "../core/master/readMaster";

const EXPECTED: Record<FieldExpectation, string> = {
  text: "文字列",
  "text-or-null": "文字列または null",
  "text-list": "文字列の配列",
  boolean: "true または false",
  year: "西暦の年度（例: 2024）",
  "year-or-null": "西暦の年度（例: 2027）または null",
  kind: '"数値目標" または "KPI"',
  status: '"active" または "replaced"',
  "direction-or-null": '"increase"・"decrease"・"maintain" のいずれか、または null',
};

const entryName = (index: number, id: string | null) => `${index + 1}番目の指標${id ? `（id: ${id}）` : ""}`;

/** One problem of a master file, in words. */
export function renderMasterProblem(p: MasterProblem): string {
  switch (p.code) {
    case "not-a-list":
      return "ファイル全体が指標の配列（[ で始まり ] で終わる）になっていません。";
    case "empty":
      return "指標が1件もありません。";
    case "too-many":
      return `指標が多すぎます（上限 ${p.limit}件）。総合戦略のKPIマスターか確認してください。`;
    case "not-an-object":
      return `${entryName(p.index, null)}が { } で囲まれた項目になっていません。`;
    case "bad-field":
      return `${entryName(p.index, p.id)}の「${p.field}」がないか、形式が違います（${EXPECTED[p.expected]} で指定してください）。`;
    case "duplicate-id":
      return `${entryName(p.index, null)}の id「${p.id}」が他の指標と重複しています。`;
    case "duplicate-name":
      return `指標名「${p.name}」が、同じ年度に有効な2つの指標（${p.ids[0]}・${p.ids[1]}）で使われています。`;
    case "unknown-successor":
      return `指標 ${p.id} の replacedBy「${p.replacedBy}」という id の指標がありません。`;
    case "years-reversed":
      return `指標 ${p.id} の inForceUntil（${p.until}）が inForceFrom（${p.from}）より前です。`;
  }
}

export const STRATEGY_TEXT = {
  /** Heading of a master file's problems; the problems follow one per line. */
  badMaster: (file: string, total: number) =>
    `総合戦略のKPIマスター「${file}」を読み込めません（問題 ${total}件）。docs/strategy-master.md の形式に合わせて修正してください。`,
  moreProblems: (n: number) => `ほか ${n}件`,
  notFound: (file: string) =>
    `総合戦略のKPIマスター「${file}」が見つかりません。ファイル名を確認してください。`,
  notAFile: (file: string) =>
    `「${file}」はファイルではありません。KPIマスターのJSONファイルを指定してください。`,
  tooLarge: (file: string, limitMb: number) =>
    `総合戦略のKPIマスター「${file}」が大きすぎます（上限 ${limitMb}MB）。KPIマスターのJSONファイルか確認してください。`,
  readFailed: (file: string) =>
    `総合戦略のKPIマスター「${file}」を読み込めませんでした。ファイルを確認してください。`,
  notJson: (file: string, where: string | null) =>
    `総合戦略のKPIマスター「${file}」がJSON形式として読み取れません${where ? `（${where}付近）` : ""}。` +
    "kensho strategy --export で書き出したファイルをもとに編集してください。",
  lineColumn: (line: number, column: number) => `${line}行目 ${column}文字目`,
  exported: (file: string, count: number) =>
    `総合戦略のKPIマスター（${count}件）を「${file}」に書き出しました。`,
  checked: (file: string, count: number) => `「${file}」はKPIマスターとして使えます（指標 ${count}件）。`,
  exportNeedsFile:
    "書き出し先を --export に、確認するファイルを --check に指定してください（例: kensho strategy --export kpi-master.json）。",
  writeFailed: (file: string, detail: string) => `「${file}」に書き込めませんでした（${detail}）。`,
} as const;
