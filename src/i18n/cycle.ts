// Everything planning's year cycle (split, merge, rollover) says to people, in Japanese: usage,
// option help, errors, reports and the rollover change log.
import type { ChangeCode, ChangeLogEntry } from "../core/cycle/rolloverTypes";
import type { ConflictKind } from "../core/cycle/merge";
import { FIELD_LABELS } from "./findings";

export const CYCLE_USAGE: Record<string, { head: string[]; tail: string[] }> = {
  split: {
    head: [
      "使い方: kensho split 原本.xlsx -o フォルダー [--only 担当課,…] [--password-prompt | --password パスワード]",
      "",
      "原本から担当課ごとの配布用ファイル（<原本名>_<担当課>.xlsx）を作ります。",
      "検証シートはすべて保護し、その担当課が入力するセル（①②③・実績値・進捗状況・理由）だけを入力できるようにします。",
      "原本は変更しません。",
      "",
      "パスワードは --password-prompt で尋ねられたときに入力するか、環境変数 KENSHO_PASSWORD に設定してください。",
      "--password に書いたパスワードは、ほかの利用者のプロセス一覧やコマンド履歴から見えます。",
    ],
    tail: ["終了コード: 0 作成した / 2 読み込めないファイル・使い方の誤り（何も書き込みません）"],
  },
  merge: {
    head: [
      "使い方: kensho merge 原本.xlsx 提出1.xlsx 提出2.xlsx … -o 統合.xlsx [オプション]",
      "",
      "各課から戻ったファイルの入力セルのうち、原本と異なるものだけを原本の写しに書き込みます（値のみ）。",
      "行は位置ではなく基本目標・施策・KPI名で照合し、担当課はファイル名ではなく内容から判断します。",
      "他課の行の変更・同じ行への食い違う変更・原本にないKPI・保護されたセルの変更は適用せず、判断が必要な事項として表示します。",
    ],
    tail: [
      "終了コード: 0 統合し、判断が必要な事項もエラーもない / 1 判断が必要な事項またはエラーの指摘がある / 2 読み込めないファイル・使い方の誤り（何も書き込みません）",
    ],
  },
  rollover: {
    head: [
      "使い方: kensho rollover 今年度.xlsx -o 次年度.xlsx [--to 令和N年度] [--targets blank|keep|linear] [--dry-run] [--log 変更履歴.csv]",
      "",
      "今年度のシートから次年度のシートを作ります。表題と見出しの年度を進め、前年度実績値の列に今年度の実績値を移し、",
      "入力欄（①②③・実績値・進捗状況・理由）を空にします（セル・書式・ドロップダウンは残します）。",
      "総合戦略の改訂（後継KPIへの置き換え・新しいKPIの追加）を反映し、変更履歴をシート「変更履歴」に書き込みます。",
    ],
    tail: ["終了コード: 0 作成した / 2 読み込めないファイル・使い方の誤り（何も書き込みません）"],
  },
};

export const CYCLE_OPTION_HELP: Record<string, string> = {
  "--output": "書き出し先（split はフォルダー、merge と rollover はファイル）",
  "--only": "この担当課の分だけ作ります（カンマ区切りで複数指定できます）",
  "--password":
    "シート保護のパスワード（255文字まで。SHA-512・Excel 2013 以降と同じ方式）。プロセス一覧や履歴から見えるため、--password-prompt か環境変数 KENSHO_PASSWORD をお勧めします",
  "--password-prompt":
    "シート保護のパスワードを尋ねます（入力は画面に表示しません。パイプからは1行目を読みます）",
  "--prefer": "同じ行に食い違う変更があるとき、このファイルの変更を採用します（複数指定できます）",
  "--from": "担当課=ファイル: このファイルによるその担当課の行の変更を適用します（複数指定できます）",
  "--force": "書き出し先のファイルが既にあっても上書きします",
  "--to": "次年度（例: 令和6年度）。省略すると今年度の翌年度",
  "--targets": "次年度の目標値: blank 空欄（既定）/ keep そのまま / linear 実績値から最終目標値への直線",
  "--dry-run": "変更履歴を表示するだけで、何も書き込みません",
  "--log": "変更履歴をCSVファイル（UTF-8）にも書き出します",
};

export const CYCLE_TEXT = {
  needMaster: (cmd: string) =>
    `${cmd}: 原本のファイルを指定してください（kensho ${cmd} --help で使い方を表示します）。`,
  needOutput: (cmd: string) => `${cmd}: 書き出し先を -o で指定してください。`,
  needReturned: "merge: 戻ってきたファイルを1つ以上指定してください。",
  tooManyInputs: (cmd: string, extra: string) => `${cmd}: 余分な引数があります: ${extra}`,
  outputExists: (out: string) =>
    `書き出し先「${out}」は既にあります。上書きしてよい場合は --force を付けてください（元のファイルは変更していません）。`,
  outputIsInput: (out: string) =>
    `書き出し先「${out}」が入力ファイルと同じです。入力ファイルは変更しません。別の名前を指定してください。`,
  outputDirMissing: (dir: string) => `書き出し先のフォルダー「${dir}」がありません。`,
  notAFolder: (dir: string) =>
    `「${dir}」はフォルダーではありません。split の -o にはフォルダーを指定してください。`,
  notMaster: (file: string) =>
    `「${file}」に効果検証シートが見つかりません。原本（効果検証シートのブック）を指定してください。`,
  noYear: (file: string) =>
    `「${file}」の年度を表題・見出しから読み取れません。--to で次年度を指定してください。`,
  otherYear: (file: string, year: string | null, masterYear: string | null) =>
    `「${file}」は${year ?? "年度不明"}のシートです（原本は${masterYear ?? "年度不明"}）。別の年度のファイルは統合できません。`,
  badTo: (value: string) => `--to の値「${value}」を年度として読み取れません（例: 令和6年度）。`,
  toNotNext: (to: string, from: string, next: string) =>
    `--to ${to} は今年度（${from}）の翌年度ではありません。次年度のシートは${next}として作ります。`,
  badTargets: (value: string) =>
    `--targets には blank・keep・linear のいずれかを指定してください（「${value}」は使えません）。`,
  badFrom: (value: string) => `--from は「担当課=ファイル」の形で指定してください（「${value}」）。`,
  unknownFile: (opt: string, file: string) =>
    `${opt} のファイル「${file}」は、戻ってきたファイルとして指定されていません。`,
  unknownDepartment: (dept: string, known: string[]) =>
    `担当課「${dept}」は原本にありません。原本の担当課: ${known.join("、")}`,
  duplicateInput: (file: string) => `「${file}」が2回指定されています。`,
  writeFailed: (file: string, detail: string) =>
    `「${file}」を書き込めませんでした（${detail}）。途中まで書いたファイルは残していません。`,
  formulaInEntry: (sheet: string, cell: string) =>
    `${sheet}!${cell} には数式があります。数式を消さないため、このセルは変更していません。`,
  cannotInsert: (sheet: string) =>
    `シート「${sheet}」には行の位置に結び付いた図・表・コメントがあるため、行を追加できません。新しいKPIは手作業で追加してください。`,
  nothingWritten: "何も書き込んでいません。",
  // split
  splitHeading: (master: string, n: number) => `■ ${master} から ${n} 課分のファイルを作成しました`,
  splitLine: (file: string, dept: string, rows: number, cells: number) =>
    `  ${file}　${dept}　${rows}行（入力できるセル ${cells}個）`,
  splitNumbered: (file: string, dept: string) =>
    `  ※ ${file}: ほかの担当課の写しと同じファイル名になるため、番号を付けました（担当課「${dept}」）。`,
  splitShortened: (file: string, dept: string) =>
    `  ※ ${file}: 担当課「${dept}」の名前が長く、ファイル名に収まらないため短くしました。`,
  splitSpellings: (dept: string, spellings: string[]) =>
    `  ※ 担当課「${spellings.join("」「")}」は、全角・半角や空白の違いだけなので、同じ担当課「${dept}」として1つの写しにまとめました。`,
  splitBlankDepartment: (rows: number, where: string) =>
    `  ⚠ 担当課が空の行が ${rows}行あります（${where}）。これらの行はどの写しでも入力できません。原本の担当課を埋めてから作り直してください。`,
  splitRemovedRanges: (sheet: string, ranges: string) =>
    `  ⚠ シート「${sheet}」の「範囲の編集を許可」（${ranges}）は写しから削除しました。残すと保護されたセルを誰でも編集できるためです。`,
  splitPasswordFromEnv: "  パスワードは環境変数 KENSHO_PASSWORD のものを使いました（写しごとに別のソルト）。",
  splitPathTooLong: (file: string, max: number) =>
    `書き出し先「${file}」のパスが長すぎます（${max}文字まで）。短い名前のフォルダーを -o に指定してください。`,
  targetIsFolder: (file: string) => `書き出し先「${file}」はフォルダーです。別の名前を指定してください。`,
  passwordTooLong: (length: number) =>
    `パスワードが長すぎます（${length}文字）。Excel の保護の解除画面に入力できるのは255文字までです。`,
  passwordEmpty: "パスワードが空です。パスワードなしで保護する場合は、パスワードを指定しないでください。",
  passwordTwice: "--password と --password-prompt は同時に指定できません。",
  passwordPrompt: "シート保護のパスワード: ",
  passwordNotGiven: "パスワードが入力されませんでした。",
  splitProtected: (sheets: number, password: boolean) =>
    `  各ファイルの検証シート ${sheets}枚を保護しました（${password ? "パスワードあり・SHA-512" : "パスワードなし"}。セルの選択と行・列の幅の変更はできます）。`,
  // merge
  mergeHeading: (out: string) => `■ 統合結果: ${out}`,
  submittedHeading: "◆ 提出されたファイル",
  submittedLine: (file: string, dept: string | null, applied: number, conflicts: number) =>
    `  ${file}　担当課: ${dept ?? "（判別できず）"}　適用 ${applied}行　要判断 ${conflicts}件`,
  appliedHeading: "◆ 適用した変更（値のみ）",
  appliedLine: (sheet: string, cells: string, kpi: string, dept: string | null, file: string) =>
    `  ${sheet}!${cells}　${kpi}（${dept ?? "担当課なし"}）← ${file}`,
  noneApplied: "  （なし）",
  conflictsHeading: "◆ 判断が必要な事項（適用していません）",
  conflictLine: (kind: string, kpi: string, dept: string | null) =>
    `  [${kind}] ${kpi}（${dept ?? "担当課なし"}）`,
  conflictSource: (file: string, sheet: string, cells: string) => `      ${file} の ${sheet}!${cells}`,
  conflictMaster: (sheet: string, cells: string) => `      原本のセル: ${sheet}!${cells}`,
  conflictHint: {
    "other-department":
      "他課の行が変更されています。適用するには --from 担当課=ファイル を指定してください。",
    "same-row":
      "複数のファイルが同じ行を異なる値に変更しています。採用するファイルを --prefer で指定してください。",
    "unknown-kpi": "原本にないKPIの行です。KPI名の変更や行の追加がないか確認してください。",
    "locked-cell-changed":
      "入力欄以外のセル（基準値・目標値・担当課など）が変更されています。原本には反映していません。",
  } as Record<ConflictKind, string>,
  /** The pane's words for what to do about each conflict (it has no --from or --prefer). */
  paneConflictHint: {
    "other-department":
      "他課の行が変更されています。原本には反映していません。必要なら、その課に確認して原本のセルを直接修正してください。",
    "same-row":
      "複数のファイルが同じ行を異なる値に変更しています。原本には反映していません。どちらが正しいか確認して、原本のセルを直接修正してください。",
    "unknown-kpi": "原本にないKPIの行です。KPI名の変更や行の追加がないか確認してください。",
    "locked-cell-changed":
      "入力欄以外のセル（基準値・目標値・担当課など）が変更されています。原本には反映していません。",
  } as Record<ConflictKind, string>,
  notReturnedCopy: (file: string) =>
    `「${file}」に効果検証シートが見つかりません。各課から戻ってきた効果検証シートのファイルを選んでください。`,
  notThisMaster: (file: string) =>
    `「${file}」の行は、原本のどのKPIとも一致しません。この原本から配布したファイルか確認してください。`,
  masterNotVerification:
    "開いているブックに効果検証シートが見つかりません。原本（効果検証シートのブック）を開いてから取り込んでください。",
  unchangedHeading: (files: string[]) => `◆ 変更のないファイル: ${files.length ? files.join("、") : "なし"}`,
  missingHeading: (depts: string[]) => `◆ 提出のない担当課: ${depts.length ? depts.join("、") : "なし"}`,
  checkHeading: (out: string) => `◆ 統合したファイルの検証（${out}）`,
  // rollover
  rolloverHeading: (file: string, from: string, to: string) => `■ ${file}: ${from} → ${to}`,
  rolloverWritten: (out: string, n: number) =>
    `  ${out} を作成しました（変更 ${n}件。シート「変更履歴」に記録しました）。`,
  rolloverDryRun: (n: number) => `  --dry-run: 変更 ${n}件を表示しました。何も書き込んでいません。`,
  logWritten: (file: string) => `  変更履歴を ${file} に書き出しました。`,
  logSheetName: "変更履歴",
  logHeader: ["シート", "行", "セル", "KPI", "変更内容", "変更前", "変更後", "理由"],
} as const;

export const CONFLICT_LABELS: Record<ConflictKind, string> = {
  "other-department": "他課の行の変更",
  "same-row": "同じ行への食い違う変更",
  "unknown-kpi": "原本にないKPI",
  "locked-cell-changed": "保護されたセルの変更",
};

const CHANGE_LABELS: Record<ChangeCode, string> = {
  "year-label": "年度の表示を更新",
  "previous-from-actual": "前年度実績値に今年度の実績値を転記",
  "entry-cleared": "入力欄を空欄に",
  "target-cleared": "目標値を空欄に（企画調整課が設定）",
  "target-linear": "目標値を設定（実績値から最終目標値への直線）",
  "target-not-computed": "目標値を空欄に（直線では求められない）",
  "kpi-replaced": "総合戦略の改訂により後継のKPIに置き換え",
  "kpi-added": "総合戦略の改訂により新しいKPIを追加",
  "kpi-not-in-force": "総合戦略にないKPI（行は残しています）",
  "kpi-not-added": "新しいKPIを追加できませんでした",
};

const REASONS: Record<string, string> = {
  replaced: "KPIが置き換わったため",
  "not-numbers": "実績値か最終目標値が数値でないため",
  "unit-differs": "実績値と最終目標値の単位が異なるため",
  "no-years-left": "計画最終年度を過ぎているため",
  category: "区分の値のため",
  "no-block": "その施策の行がシートにないため",
};

/** One change log entry as the sheet and CSV show it (columns of CYCLE_TEXT.logHeader). */
export function changeLogRow(e: ChangeLogEntry): string[] {
  const p = e.params;
  let what = CHANGE_LABELS[e.code];
  if (p.field) what += `（${FIELD_LABELS[p.field]}）`;
  let why = p.reason ? (REASONS[p.reason] ?? p.reason) : "";
  if (e.code === "kpi-added") {
    why = `${p.reason ?? ""}から総合戦略のKPI。担当課「${p.department ?? ""}」${p.departmentInherited ? "は同じ施策の前の行から引き継ぎました。確認してください" : ""}`;
  }
  if (e.code === "kpi-not-in-force") why = "総合戦略の改訂で外れたKPIです。行を残すか確認してください";
  return [
    e.sheet,
    e.row === null ? "" : String(e.row),
    e.cell ?? "",
    e.kpi ?? "",
    what,
    p.before ?? "",
    p.after ?? "",
    why,
  ];
}

/** The change log as printed by --dry-run and after a rollover. */
export function changeLogText(entries: ChangeLogEntry[]): string {
  return entries
    .map((e) => {
      const [sheet, row, cell, kpi, what, before, after, why] = changeLogRow(e);
      const where = cell ? `${sheet}!${cell}` : row ? `${sheet}!${row}行` : sheet || "ブック";
      const change = before || after ? `「${before}」→「${after}」` : "";
      return `  ${where}　${kpi}　${what}　${change}${why ? `　${why}` : ""}`;
    })
    .join("\n");
}
