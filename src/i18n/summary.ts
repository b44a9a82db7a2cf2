// Every word of the 創生会議 summary workbook (`kensho --summary OUT.xlsx`).
import type { RateBand } from "../core/aggregate/rateBands";
import type { StatusBucket } from "../core/aggregate/boardSummary";
import type { Trend } from "../core/aggregate/trend";
import type { RowKind } from "../core/model";

const percent = (r: number) => `${Math.round(r * 1000) / 10}%`;

export const SUMMARY_TEXT = {
  sheets: {
    overview: "集計",
    progress: "進捗一覧",
    findings: "指摘一覧",
    submissions: "提出状況",
  },
  title: (fiscalYear: string | null) =>
    `${fiscalYear ? `${fiscalYear} ` : ""}第2期伊勢崎市まち・ひと・しごと創生総合戦略 効果検証 集計`,
  sheetTitle: (fiscalYear: string | null, sheet: string) =>
    `${fiscalYear ? `${fiscalYear} ` : ""}効果検証 ${sheet}`,
  basis: (onTrack: number, nearlyOnTrack: number) =>
    `判定基準: 順調に進捗 達成率${percent(onTrack)}以上／概ね順調に進捗 ${percent(nearlyOnTrack)}以上／進捗の遅れ ${percent(nearlyOnTrack)}未満`,
  scope: (files: number, rows: number, goals: number) =>
    `対象: ファイル ${files}件・指標 ${rows}行（うち数値目標 ${goals}行）`,
  withMaster: (master: string) =>
    `配布した原本「${master}」の行ごとに、担当課が提出したファイルの内容で集計しています。`,
  made: (date: string, version: string) => `作成: ${date}　kensho ${version}`,
  date: (d: Date) => `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`,
  footer: "&A　&P / &N ページ",

  // 集計
  enteredHeading: "進捗状況（各課の入力）",
  computedHeading: "進捗状況（達成率から計算）",
  bandsHeading: "達成率の分布",
  departmentsHeading: "担当課別の指摘件数",
  failedHeading: "読み込めなかったファイル",
  level: "区分",
  name: "名称",
  rows: "指標数",
  count: "件数",
  share: "割合",
  goalLevel: "基本目標",
  subGoalLevel: "小基本目標",
  total: "合計",
  noGoal: "（基本目標なし）",
  noSubGoal: "（小基本目標なし）",
  statusBucket: {
    順調に進捗: "順調に進捗",
    概ね順調に進捗: "概ね順調に進捗",
    進捗の遅れ: "進捗の遅れ",
    none: "未判定",
  } as Record<StatusBucket, string>,
  noRate: "達成率なし",
  band: (b: RateBand) =>
    b.min !== null && b.max !== null
      ? `${percent(b.min)}以上${percent(b.max)}未満`
      : b.min !== null
        ? `${percent(b.min)}以上`
        : `${percent(b.max ?? 0)}未満`,
  department: "担当課",
  noDepartment: "（担当課なし・ブック全体）",
  errors: "エラー",
  warnings: "警告",
  infos: "情報",
  file: "ファイル",
  reason: "理由",

  // 進捗一覧
  progressColumns: {
    goal: "基本目標",
    subGoal: "小基本目標",
    measure: "施策",
    kind: "区分",
    kpi: "KPI（指標）",
    department: "担当課",
    baseline: "基準値",
    previous: "前年度実績値",
    actual: "実績値",
    target: "目標値",
    finalTarget: "最終目標値",
    rate: "達成率",
    entered: "進捗状況（入力）",
    computed: "進捗状況（計算）",
    agrees: "入力と計算",
    direction: "方向",
    trend: "前年度比",
    file: "ファイル",
    sheet: "シート",
    row: "行",
  },
  kind: { 数値目標: "数値目標", KPI: "KPI" } as Record<RowKind, string>,
  agrees: { same: "一致", differs: "相違", none: "－" },
  inferred: "（推定）",
  trend: {
    improved: "↑ 改善",
    unchanged: "→ 横ばい",
    worsened: "↓ 悪化",
    mixed: "↕ 一部改善",
  } as Record<Trend, string>,
  noTrend: "－",
  notSubmitted: "（未提出）",

  // 指摘一覧
  findingColumns: {
    severity: "重要度",
    code: "コード",
    title: "指摘",
    message: "内容",
    department: "担当課",
    kpi: "KPI（指標）",
    file: "ファイル",
    cell: "セル（クリックで開く）",
    row: "行",
  },
  wholeWorkbook: "ブック全体",
  linkTip: (file: string, where: string) => `${file} の ${where} を開きます`,
  noFindings: "指摘はありません。",

  // 提出状況
  submissionColumns: {
    department: "担当課",
    rows: "指標数",
    submitted: "提出",
    files: "ファイル",
    errors: "エラー",
    warnings: "警告",
    infos: "情報",
    state: "状態",
  },
  submitted: { yes: "提出済み", no: "未提出" },
  state: { ready: "完了", fix: "要修正", missing: "未提出" },
  unassignedHeading:
    "担当課を判別できなかったファイル（原本から変更がない、または原本にない担当課のファイル）",
  submissionsNote: (master: string) =>
    `原本「${master}」の担当課ごとに、提出されたファイル（内容から判別）とその指摘件数を示します。「完了」はエラーがないことを表します。`,

  // The pane's 集計 sheet (集計シートを作成)
  paneSheet: {
    name: "集計",
    title: (fiscalYear: string | null) =>
      `${fiscalYear ? `${fiscalYear} ` : ""}効果検証 基本目標別の進捗状況`,
    note: "kensho の作業ウィンドウで作成したシートです。作業ウィンドウの「集計シートを削除」で削除できます。",
    entered: "各課が入力した進捗状況",
    computed: "達成率から計算した進捗状況",
    goal: "基本目標",
    total: "合計",
    sum: "計",
    chartTitle: "基本目標別の進捗状況（各課の入力）",
    barsHeader: "内訳（◎順調 ○概ね順調 △遅れ ・未判定）",
    barSymbols: { 順調に進捗: "◎", 概ね順調に進捗: "○", 進捗の遅れ: "△", none: "・" } as Record<
      StatusBucket,
      string
    >,
  },
} as const;
