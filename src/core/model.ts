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
  /**
   * Set on a formula cell that has no calculated result (a file written by a program and never
   * recalculated): `value` is null and `text` empty, yet the cell is not blank.
   */
  uncalculated?: true;
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

export type ValueKind = "number" | "parts" | "category" | "blank" | "note" | "invalid" | "error";

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
  /** "※変更前" / "※変更後" when present. */
  remark: string | null;
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

/** Why no status could be computed for a row: a code and its facts, rendered at the edges. */
export type NoStatusReason =
  | { code: "actual-unusable"; kind: ValueKind }
  | { code: "target-unusable"; kind: ValueKind }
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
  "unexpected-delay-reason": "info",
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
