// Every word of the 創生会議 summary workbook (`kensho --summary OUT.xlsx`).
import type { RateBand } from "../core/aggregate/rateBands";
import type { OutlookBucket, StatusBucket } from "../core/aggregate/boardSummary";
import type { Trend } from "../core/aggregate/trend";
import type { RowKind } from "../core/model";

const percent = (r: number) => `${Math.round(r * 1000) / 10}%`;

export const SUMMARY_TEXT = {
  sheets: {
    overview: "集計",
    progress: "進捗一覧",
    progressDetail: "進捗一覧（詳細）",
    findings: "指摘一覧",
    history: "推移",
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
  /** The page header: the sheet's title on the left, the date made on the right ("&" doubled for Excel). */
  header: (title: string, date: string) => `&L${title.replace(/&/g, "&&")}&R${date.replace(/&/g, "&&")}`,

  // 見通し (集計 and 進捗一覧)
  outlookHeading: "見通し（計画最終年度の目標値に届くペースか）",
  outlookNote:
    "基準値から今年度までの1年あたりの平均的な変化で計画最終年度まで進んだときの見込みです。目標に届けば「達成見込み」、届かないが今年度が順調・概ね順調なら「要注意」、それ以外は「達成困難」。",
  outlookBucket: {
    "on-track": "達成見込み",
    watch: "要注意",
    "off-track": "達成困難",
    none: "判定なし",
  } as Record<OutlookBucket, string>,
  // The chart of 集計
  chartHeading: "基本目標別の進捗状況（グラフの元データ・各課の入力）",
  chartTitle: "基本目標別の進捗状況（各課の入力）",

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
    outlook: "見通し",
    projected: "最終年度の見込み",
    outlookBasis: "見通しの根拠",
    location: "ファイルの場所",
  },
  kind: { 数値目標: "数値目標", KPI: "KPI" } as Record<RowKind, string>,
  /** 進捗一覧 as the board reads it on A4: the rest is on 進捗一覧（詳細）. */
  boardColumns: {
    kind: "区分",
    kpi: "KPI（指標）",
    department: "担当課",
    baseline: "基準値",
    previous: "前年度",
    actual: "今年度",
    target: "目標値",
    rate: "達成率",
    status: "進捗状況",
    outlook: "見通し",
    reason: "理由",
  },
  computedMark: "（計算）",
  computedDiffers: (computed: string) => `（計算では${computed}）`,
  detailNote: "列「ファイルの場所」（非表示）に、読み込んだファイルのパスがあります。",
  // 推移
  historyColumns: {
    kind: "区分",
    kpi: "KPI（指標）",
    department: "担当課",
    baseline: "基準値",
    actual: (year: string) => `${year} 実績値`,
    target: (year: string) => `${year} 目標値`,
    finalTarget: "最終目標値",
    outlook: "見通し",
  },
  historyNote: "昨年度（以前）のブック（--previous）から読み取った各年度の値です。空欄は分からない値です。",
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
  submitted: { yes: "提出済み", no: "未提出", unchanged: "未記入で返送" },
  state: { ready: "完了", fix: "要修正", missing: "未提出", unchanged: "未記入で返送" },
  unassignedHeading:
    "担当課を判別できなかったファイル（配布時の記録がなく、名前も「<原本名>_<担当課>.xlsx」でないもの、または別の原本から作ったもの）",
  submissionsNote: (master: string) =>
    `原本「${master}」の担当課ごとに、提出されたファイル（配布時の記録、なければファイル名から判別）とその指摘件数を示します。「完了」はエラーがないこと、「未記入で返送」は何も入力せずに戻ってきたことを表します。`,

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
