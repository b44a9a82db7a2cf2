// The one catalogue of finding codes: severity, a short title and the Japanese message staff read.
// Rules decide *whether* a finding applies; every word staff see comes from here.
import type { FieldKey, FileErrorCode, FindingCode, Severity, StatusWord, ValueKind } from "../core/model";

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: "エラー",
  warning: "警告",
  info: "情報",
};

export const FIELD_LABELS: Record<FieldKey, string> = {
  goal: "大基本目標",
  subGoal: "小基本目標",
  measure: "具体的な施策",
  kpi: "重要業績評価指標（KPI）名称",
  activity: "①主な取組・事業実施状況 ②課題 ③今後の方策等",
  baseline: "基準値",
  previous: "前年度の実績値",
  actual: "実績値",
  target: "目標値",
  finalTarget: "計画最終年度の目標値",
  status: "進捗状況",
  reason: "進捗が遅れている理由",
  department: "指標の担当課",
};

/** Shown as the name of a data row whose KPI name cell is empty. */
export const UNNAMED_KPI = "（KPI名称なし）";

/** Percent with one decimal, as staff write it: 0.9235 -> "92.4%". */
export function formatRate(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

const STATUS_CHOICES = "「順調に進捗」「概ね順調に進捗」「進捗の遅れ」";

const KIND_WORDS: Partial<Record<ValueKind, string>> = {
  blank: "未入力",
  note: "数値ではない記載",
  invalid: "数値として読み取れない値",
  error: "計算エラー",
};

/** Why no status could be computed for a row. */
export const NO_STATUS_REASONS = {
  actual: (kind: ValueKind) =>
    `実績値が${KIND_WORDS[kind] ?? "数値ではない"}のため、達成率を計算できません。`,
  target: (kind: ValueKind) =>
    `目標値が${KIND_WORDS[kind] ?? "数値ではない"}のため、達成率を計算できません。`,
  direction:
    "基準値と目標値から指標の方向（増加・減少・維持）を判断できないため、達成率を計算できません。設定で方向を指定してください。",
  partMissing: (label: string) =>
    `実績値に目標値の「${label}」に当たる値がないため、達成率を計算できません。`,
  shape: "実績値と目標値の形式（単一の数値・複数の値）が異なるため、達成率を計算できません。",
};

export interface FindingParams {
  kpi: string;
  fiscalYear?: string | null;
  field?: FieldKey;
  raw?: string;
  errorCode?: string;
  entered?: string;
  computed?: StatusWord | null;
  rate?: number | null;
  direction?: string | null;
  actualUnit?: string;
  otherUnit?: string;
  actualPeriod?: string;
  targetPeriod?: string;
  previous?: string;
  computedFromRate?: boolean;
}

interface CatalogueEntry {
  severity: Severity;
  title: string;
  message: (p: FindingParams) => string;
}

const field = (p: FindingParams) => (p.field ? FIELD_LABELS[p.field] : "値");
const rateText = (p: FindingParams) =>
  p.rate === null || p.rate === undefined ? "" : `（達成率 ${formatRate(p.rate)}）`;

export const FINDINGS: Record<FindingCode, CatalogueEntry> = {
  "missing-actual": {
    severity: "error",
    title: "実績値が未入力",
    message: (p) => `${p.fiscalYear ?? "今年度"}の実績値が入力されていません。実績値を入力してください。`,
  },
  "missing-status": {
    severity: "error",
    title: "進捗状況が未入力",
    message: (p) =>
      `進捗状況が入力されていません。${STATUS_CHOICES}のいずれかを入力してください。` +
      (p.computed ? `（達成率から求めると「${p.computed}」${rateText(p)}です）` : ""),
  },
  "invalid-status": {
    severity: "error",
    title: "進捗状況の記載が不正",
    message: (p) =>
      `進捗状況「${p.entered ?? ""}」は使えません。${STATUS_CHOICES}のいずれかを入力してください。`,
  },
  "missing-delay-reason": {
    severity: "error",
    title: "遅れの理由が未入力",
    message: (p) =>
      (p.computedFromRate
        ? `達成率から求めた進捗状況が「進捗の遅れ」${rateText(p)}ですが、`
        : "進捗状況が「進捗の遅れ」ですが、") +
      "進捗が遅れている理由が入力されていません。理由を入力してください。",
  },
  "missing-department": {
    severity: "error",
    title: "担当課が未入力",
    message: () => "指標の担当課が入力されていません。担当課名を入力してください。",
  },
  "unparseable-value": {
    severity: "error",
    title: "数値として読めない値",
    message: (p) =>
      `${field(p)}「${p.raw ?? ""}」を数値として読み取れません。数字と単位で入力してください（例: 1,563件、80.5%）。` +
      "英字のOやlが数字の代わりに入っていないかも確認してください。",
  },
  "formula-error": {
    severity: "error",
    title: "計算エラー",
    message: (p) =>
      `${field(p)}が計算エラー（${p.errorCode ?? ""}）になっています。数式や参照しているセルを確認してください。`,
  },
  "status-mismatch": {
    severity: "warning",
    title: "進捗状況が計算と異なる",
    message: (p) =>
      `入力された進捗状況「${p.entered ?? ""}」が、達成率 ${p.rate === null || p.rate === undefined ? "" : formatRate(p.rate)}` +
      `${p.direction ? `（${p.direction}）` : ""}から求めた「${p.computed ?? ""}」と異なります。実績値・目標値と進捗状況を確認してください。`,
  },
  "unit-mismatch": {
    severity: "warning",
    title: "単位が異なる",
    message: (p) =>
      `実績値の単位「${p.actualUnit ?? "なし"}」が${field(p)}の単位「${p.otherUnit ?? "なし"}」と異なります。単位をそろえてください。`,
  },
  "reference-year-mismatch": {
    severity: "warning",
    title: "対象時点が目標値と異なる",
    message: (p) =>
      `実績値の対象時点（${p.actualPeriod ?? ""}）が目標値の対象時点（${p.targetPeriod ?? ""}）と異なります。` +
      "最新の数値か確認し、公表時期の都合で古い数値を使う場合はその旨を記載してください。",
  },
  "unchanged-from-previous-year": {
    severity: "warning",
    title: "前年度と同じ実績値",
    message: (p) =>
      `実績値が前年度の実績値（${p.previous ?? ""}）と同じです。今年度の数値に更新されているか確認してください。`,
  },
  "percent-out-of-range": {
    severity: "warning",
    title: "割合が0～100%の範囲外",
    message: (p) =>
      `${field(p)}「${p.raw ?? ""}」は割合として0～100%の範囲外です。入力値を確認してください。`,
  },
  "missing-activity-text": {
    severity: "warning",
    title: "取組状況が未入力",
    message: () =>
      "①主な取組・事業実施状況、②課題、③今後の方策等が入力されていません。内容を入力してください。",
  },
  "unexpected-delay-reason": {
    severity: "info",
    title: "遅れていないのに理由の記載あり",
    message: (p) =>
      `進捗状況が「${p.entered ?? p.computed ?? ""}」ですが、進捗が遅れている理由が入力されています。不要であれば「-」にしてください。`,
  },
};

export const DIRECTION_LABELS = {
  increase: "増加",
  decrease: "減少",
  maintain: "維持",
} as const;

/** How the achievement rate was formed, for the status-mismatch message. */
export const RATE_BASIS: Record<keyof typeof DIRECTION_LABELS, string> = {
  increase: "増加を目指す指標: 実績値÷目標値",
  decrease: "減少を目指す指標: 目標値÷実績値",
  maintain: "維持を目指す指標",
};

export const FILE_ERRORS: Record<FileErrorCode, { title: string; message: string }> = {
  "unreadable-file": {
    title: "ファイルを読み込めません",
    message: "ファイルを読み込めませんでした。Excelで開けるか確認し、.xlsx形式で保存し直してください。",
  },
  "no-verification-sheet": {
    title: "効果検証シートが見つかりません",
    message:
      "効果検証シートの見出し（重要業績評価指標（KPI）名称・実績値・進捗状況など）が見つかりませんでした。" +
      "効果検証シートのファイルか確認してください。",
  },
};
