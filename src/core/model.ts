// The core's data contract. Everything here is plain data: no Office, DOM or Node types.

/** A cell's raw value as the host reports it. Formula errors arrive as their literal text ("#DIV/0!"). */
export type CellValue = string | number | boolean | null;

/** One cell as read from a workbook: raw value, the text Excel displays, and its number format. */
export interface RawCell {
  value: CellValue;
  /** The displayed text ("1,563件" for 1563 under `#,##0"件"`). Empty string when blank. */
  text: string;
  /** Number format code ("General", "0.0%", `#,##0"件"`). */
  format: string;
}

/** A rectangular area, 0-based and inclusive, in absolute worksheet coordinates. */
export interface CellArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One cell with content, at absolute 0-based `row` and `col`. */
export interface GridCell extends RawCell {
  row: number;
  col: number;
}

/**
 * One worksheet as a sparse grid: only the cells that hold something, so a sheet's size in memory
 * follows its content, never its formatting or its merged areas. Build one from dense arrays with
 * `gridFromArrays` (core/grid.ts); read it through `SheetView`.
 */
export interface SheetGrid {
  name: string;
  /** Cells with content, in row-major order (row, then column); at most one per position. */
  cells: GridCell[];
  /** Merged areas in absolute coordinates. May be empty when the host cannot report them. */
  merges: CellArea[];
  /** Absolute 0-based indices of hidden rows and columns. */
  hiddenRows: number[];
  hiddenCols: number[];
}

// ---------------------------------------------------------------------------------------------
// Parsed values

export type ValueKind = "number" | "parts" | "category" | "blank" | "note" | "invalid" | "error" | "date";

/**
 * What staff write around a number that qualifies it without changing it. The number is read and
 * compared as usual; the words are kept as the value's remark.
 */
export type ValueQualifier =
  /** 約, 概ね, およそ, 程度, 前後, 概数 */
  | "approximate"
  /** 見込み, 推計, 推定 */
  | "estimate"
  /** 速報値 */
  | "preliminary"
  /** 暫定値 */
  | "provisional"
  /** 確定値 */
  | "final"
  /** 以上 */
  | "at-least"
  /** 以下 */
  | "at-most"
  /** 未満 */
  | "below"
  /** 超, 超え */
  | "above"
  /** 累計 */
  | "cumulative";

/** Where a unit staff cannot see came from: the cell's number format, or the row's target. */
export type UnitSource = "format" | "target";

/** A reference period such as (令和3年) or (令和3年度). */
export interface ReferencePeriod {
  era: "令和" | "平成";
  eraYear: number;
  /** Gregorian year: 令和3 -> 2021. For a fiscal period, the fiscal year's starting year. */
  year: number;
  /** true for 年度 (fiscal year), false for 年 (calendar year). */
  fiscal: boolean;
  /** Canonical label, e.g. "令和3年度"; 元年 is written as "令和元年". */
  label: string;
}

export interface ValuePart {
  label: string;
  /** In the base unit: 万 and 億 multiplied out; a percent stays a percent (80.5). */
  number: number;
  unit: string | null;
}

export interface ParsedValue {
  kind: ValueKind;
  /** The text as staff see it (displayed text, or the raw value when there is none). */
  raw: string;
  /** For kind "number": the value in the base unit. null otherwise. */
  number: number | null;
  /** Base unit without multiplier: "件", "人", "円", "%", "ha", "歳", "カ所". null when none. */
  unit: string | null;
  /** For kind "parts": each labelled part (小学校 / 中学校, 男性 / 女性). Empty otherwise. */
  parts: ValuePart[];
  /** For kind "category": the normalised category text ("待機児童なし", "366日(閏年)"). */
  category: string | null;
  period: ReferencePeriod | null;
  /**
   * What staff wrote beside the figure, as written: "※変更前", and the qualifier words ("約",
   * "速報値", "以上"), joined with "、" in reading order. null when none.
   */
  remark: string | null;
  /** The qualifiers read around the number, in reading order. Empty when none. */
  qualifiers: readonly ValueQualifier[];
  /** Power of ten of the multiplier written with the number (億 8, 万 4, 千 3); 0 when none. */
  scale: number;
  /** Set when the unit is not in what staff see but was assumed from the format or the target. */
  unitAssumed: UnitSource | null;
  /** For kind "error": the Excel error literal ("#DIV/0!"). */
  errorCode: string | null;
}

// ---------------------------------------------------------------------------------------------
// Layout

export type FieldKey =
  | "goal"
  | "subGoal"
  | "measure"
  | "kpi"
  | "activity"
  | "baseline"
  | "previous"
  | "actual"
  | "target"
  | "finalTarget"
  | "status"
  | "reason"
  | "department";

export const VALUE_FIELDS = ["baseline", "previous", "actual", "target", "finalTarget"] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

/** The sheet columns (absolute, 0-based) a field occupies. Most span one column; some span two. */
export type ColumnMap = Partial<Record<FieldKey, number[]>>;

/** One header found on a sheet, and the data rows it governs. */
export interface HeaderBlock {
  /** Absolute 0-based rows of the header (one or two). */
  headerRows: number[];
  columns: ColumnMap;
  /** Absolute 0-based row where this block's data starts, and the last row it may cover. */
  firstDataRow: number;
  lastDataRow: number;
}

export interface SheetLayout {
  sheet: string;
  blocks: HeaderBlock[];
  /** "令和5年度" as read from the headers or title; null if none found. */
  fiscalYear: string | null;
}

// ---------------------------------------------------------------------------------------------
// Rows, rules and findings

export type RowKind = "数値目標" | "KPI";
export type Direction = "increase" | "decrease" | "maintain";
export type DirectionSource = "settings" | "master" | "inferred";

export const STATUS_WORDS = ["順調に進捗", "概ね順調に進捗", "進捗の遅れ"] as const;
export type StatusWord = (typeof STATUS_WORDS)[number];

/** A field's cell on one row: where it is and what it holds. */
export interface FieldCell {
  /** Absolute 0-based row and column. */
  row: number;
  col: number;
  /** A1 address on the sheet. */
  address: string;
  cell: RawCell;
}

export interface VerificationRow {
  sheet: string;
  /** 1-based worksheet row. */
  row: number;
  kind: RowKind;
  hidden: boolean;
  goal: string | null;
  subGoal: string | null;
  /** The 具体的な施策 for KPI rows; null on 数値目標 rows. */
  measure: string | null;
  name: string;
  department: string | null;
  cells: Partial<Record<FieldKey, FieldCell>>;
  values: Record<ValueField, ParsedValue>;
}

export interface ProgressRule {
  onTrack: number;
  nearlyOnTrack: number;
  /** Per-KPI direction chosen by planning staff, keyed by KPI name as written on the sheet. */
  directionOverrides: Record<string, Direction>;
}

export const DEFAULT_RULE: ProgressRule = { onTrack: 1.0, nearlyOnTrack: 0.85, directionOverrides: {} };

/** Settings of the checks beyond the progress rule. */
export interface CheckOptions {
  /**
   * Texts that do not count as a reason for a delay (特になし, なし …). Compared after NFKC, without
   * spaces or closing punctuation; Latin letters in any case.
   */
  reasonPlaceholders: readonly string[];
}

/** Placeholders staff write in 進捗が遅れている理由 that give no reason. */
export const DEFAULT_REASON_PLACEHOLDERS: readonly string[] = [
  "特になし",
  "なし",
  "無し",
  "該当なし",
  "不明",
  "特に無し",
  "特にありません",
  "ナシ",
  "無",
  "該当無し",
  "未定",
  "記載なし",
  "理由なし",
  "特記事項なし",
  "N/A",
];

export const DEFAULT_CHECK_OPTIONS: CheckOptions = { reasonPlaceholders: DEFAULT_REASON_PLACEHOLDERS };

/** Why no status could be computed for a row: a code and its facts, rendered at the edges. */
export type NoStatusReason =
  /** The actual is blank, a note (text in place of a number), a date, unreadable or an error. */
  | { code: "actual-unusable"; kind: ValueKind }
  | { code: "target-unusable"; kind: ValueKind }
  /** The target is a category (待機児童なし) and the actual is not the same kind of text. */
  | { code: "category-target"; target: string }
  /** The actual's and the target's units cannot be compared (件 against 人, a bare number against %). */
  | { code: "unit-incomparable"; actualUnit: string | null; targetUnit: string | null; label?: string }
  | { code: "no-direction" }
  | { code: "part-missing"; label: string }
  | { code: "shape-differs" };

export interface RowProgress {
  direction: Direction | null;
  directionSource: DirectionSource | null;
  /** Achievement rate against the year's target (1 = 100%); null when it cannot be computed. */
  achievement: number | null;
  enteredStatus: string | null;
  computedStatus: StatusWord | null;
  /** Why no status could be computed, when it could not. */
  noStatus: NoStatusReason | null;
}

export type Severity = "error" | "warning" | "info";

/** Every finding code with its severity. Severity is policy, so it lives here; words live in src/i18n. */
export const FINDING_SEVERITY = {
  "missing-actual": "error",
  "missing-status": "error",
  "invalid-status": "error",
  "missing-delay-reason": "error",
  "missing-department": "error",
  "unparseable-value": "error",
  "formula-error": "error",
  "date-value": "error",
  "uncalculated-formula": "error",
  "status-mismatch": "warning",
  "unit-mismatch": "warning",
  "reference-year-mismatch": "warning",
  "unchanged-from-previous-year": "warning",
  "percent-out-of-range": "warning",
  "missing-activity-text": "warning",
  "missing-target": "warning",
  "implausible-value": "warning",
  "master-mismatch": "warning",
  "actual-is-note": "warning",
  "incomparable-values": "warning",
  "unexpected-delay-reason": "info",
  "unit-assumed": "info",
  "qualified-actual": "info",
  "kpi-name-differs": "info",
  "kpi-not-in-sheet": "info",
} as const satisfies Record<string, Severity>;
export type FindingCode = keyof typeof FINDING_SEVERITY;
export const FINDING_CODES = Object.keys(FINDING_SEVERITY) as FindingCode[];

export const FILE_ERROR_CODES = ["unreadable-file", "no-verification-sheet"] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];

/**
 * The facts a finding's message is rendered from. Texts are as staff typed them; numbers are
 * numbers; fields, directions and statuses are codes. Every entry is optional: each code uses a few.
 */
export interface FindingParams {
  fiscalYear?: string | null;
  field?: FieldKey;
  raw?: string;
  errorCode?: string;
  entered?: string;
  computed?: StatusWord | null;
  rate?: number | null;
  direction?: Direction | null;
  actualUnit?: string;
  otherUnit?: string;
  actualPeriod?: string;
  targetPeriod?: string;
  previous?: string;
  computedFromRate?: boolean;
  /** implausible-value: which slip it looks like. */
  slip?: "negative" | "magnitude";
  /** The figure or name the value is compared with (the strategy's, the target's), as written. */
  expected?: string;
  /** invalid-status: the status word that was probably meant. */
  suggested?: StatusWord;
  /** unit-assumed: the unit assumed, with its multiplier ("億円"), and where it came from. */
  unit?: string;
  unitFrom?: UnitSource;
  /** qualified-actual: the qualifiers read around the actual; remark: the words as written. */
  qualifiers?: readonly ValueQualifier[];
  remark?: string;
  /** missing-delay-reason: the reason was a placeholder (特になし), not blank or a dash. */
  placeholder?: boolean;
  /** implausible-value: the actual looks like a date serial; the date it would show. */
  dateSerial?: string;
  /** incomparable-values / no status: why, as a no-status code. */
  noStatus?: NoStatusReason;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The sheet, or null for a finding about the whole workbook. */
  sheet: string | null;
  /** A1 address on the sheet; null for a finding about a whole sheet or workbook. */
  cell: string | null;
  /** 1-based worksheet row; null for a finding about a whole sheet or workbook. */
  row: number | null;
  /** The KPI's name as written on the sheet ("" when its cell is empty); null when none applies. */
  kpi: string | null;
  params: FindingParams;
}

export interface CheckedRow extends VerificationRow, RowProgress {}

export interface WorkbookCheck {
  fiscalYear: string | null;
  sheets: SheetLayout[];
  rows: CheckedRow[];
  findings: Finding[];
  /** Set when the workbook has no verification sheet at all. */
  fileError: { code: FileErrorCode } | null;
}
