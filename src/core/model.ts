// The core's data contract. Everything here is plain data: no Office, DOM or Node types.
import type { DatedActual, Outlook } from "./progress/pace";
import type { ColumnYears } from "./rows/columnYears";

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
  | "department"
  // Other cities' columns (issue 22): a 単位 that applies to the row's figures, the city's own rate
  // (達成率, 進捗率: read, never trusted over kensho's), a trend mark against last year (改善・悪化),
  // and a free-text column (課題, 分析, 成果と見直し) that may explain a delay.
  | "unit"
  | "rate"
  | "trend"
  | "comment";

export const VALUE_FIELDS = ["baseline", "previous", "actual", "target", "finalTarget"] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

/** The sheet columns (absolute, 0-based) a field occupies. Most span one column; some span two. */
export type ColumnMap = Partial<Record<FieldKey, number[]>>;

/**
 * How a column's field was decided:
 * - "label": its header names the field;
 * - "year": its header names 実績値 or 目標値 (or another field) with a year, and that year against the
 *   sheet's fiscal year makes it this year's or last year's;
 * - "relative": its header says 前年度 or 今年度;
 * - "unqualified": the one 実績値 (or 目標値) column whose header names no year, all others being
 *   another year's;
 * - "position": its header says nothing, and it stands where the missing field's neighbours leave room;
 * - "joined": a blank header column beside a labelled one, read as part of it (a 施策 in two columns);
 * - "other-year": a field of another year than the sheet's (an older 実績値): not read;
 * - "ignored": 備考, or a label kensho does not know: not read.
 */
export type ColumnBasis =
  "label" | "year" | "relative" | "unqualified" | "position" | "joined" | "other-year" | "ignored";

/** One column (or run of columns under one header cell) of a header, and how it was read. */
export interface ColumnReading {
  /** Absolute 0-based columns, left to right. */
  cols: number[];
  /** The header's text composed over the header rows, top to bottom, white space collapsed; "" when blank. */
  header: string;
  /** The field it was read as; null when it is not read. */
  field: FieldKey | null;
  basis: ColumnBasis;
  /** The fiscal year its header names (Gregorian start year), if any. */
  year: number | null;
  /** Set when a profile decided the field (its heading words or its column). */
  fromProfile?: true;
}

/** One header found on a sheet, and the data rows it governs. */
export interface HeaderBlock {
  /** Absolute 0-based rows of the header (one to three). */
  headerRows: number[];
  columns: ColumnMap;
  /** Every column of the header as read, left to right (for --explain-layout and the pane). */
  readings: ColumnReading[];
  /** Absolute 0-based row where this block's data starts, and the last row it may cover. */
  firstDataRow: number;
  lastDataRow: number;
  /**
   * Set for a card (one KPI per sheet or block: years across the top, measures down the side): the
   * cells each field was read from. Such a block has no data rows of its own.
   */
  card?: CardReading;
}

/** Where a card's fields are (absolute 0-based cells), and the labels that named them. */
export interface CardReading {
  /** The one KPI row the card reads as, at the row of its 実績値 line. */
  cells: Partial<Record<FieldKey, { row: number; col: number; label: string }>>;
  /** 0-based rows of the year line and of the measure lines (期待値, 実績値, 達成率, 評価). */
  yearRow: number;
  measureRows: Partial<Record<"target" | "actual" | "rate" | "status", number>>;
}

/**
 * Where a fiscal year was read from: stated by the user (--year, the pane's setting), the sheet's
 * title, the 実績値, 目標値 or ①②③ headers, or the sheet's name.
 */
export type YearSource =
  "stated" | "actual-header" | "target-header" | "activity-header" | "title" | "sheet-name";

/** One source's word on the fiscal year. */
export interface YearClaim {
  source: YearSource;
  /** Gregorian start year: 令和6年度 = 2024. */
  year: number;
  /** The text it was read from (the title, the header, the sheet name, what the user typed). */
  text: string;
  /** A1 address of the cell it was read from; null for a sheet name or a stated year. */
  cell: string | null;
}

/** A column as a message names it: its letter(s) and its header. */
export interface NamedColumn {
  /** "H", or "C:D" for a header spanning two columns. */
  column: string;
  header: string;
}

/**
 * Why a sheet's header cannot be read without guessing; the check stops for the file.
 * - "same-field": two columns claim one field (two 実績値 of the same year, two 進捗状況);
 * - "year-column-missing": no column for the fiscal year's 実績値 (or 目標値) among those that name a year.
 */
export interface LayoutConflict {
  /** "ambiguous-word": a heading whose word could mean two fields and nothing around it decides. */
  kind: "same-field" | "year-column-missing" | "ambiguous-word";
  field: FieldKey;
  /** The columns in question. */
  columns: NamedColumn[];
  /** 1-based worksheet row of the header's first row. */
  headerRow: number;
  /** The fiscal year in force on the sheet, as a label, when known. */
  fiscalYear: string | null;
}

export interface SheetLayout {
  sheet: string;
  blocks: HeaderBlock[];
  /** "令和5年度", the fiscal year the sheet was read for; null if no source names one. */
  fiscalYear: string | null;
  /** Which source the fiscal year was taken from. */
  fiscalYearSource: YearSource | null;
  /** Every source's word on the fiscal year (they may disagree; a finding then says so). */
  yearClaims: YearClaim[];
  /** Set when the sheet's header is ambiguous: its rows are not read. */
  conflict: LayoutConflict | null;
  /** The city's evaluation scale the sheet is read with, when it is not 伊勢崎's (a profile or a preset). */
  scale?: string;
}

/** A heading found on a sheet that was not read, with what kensho took it to mean. */
export interface FoundHeading {
  sheet: string;
  /** A1 address of the heading cell. */
  cell: string;
  text: string;
  /** The field (or "remarks") its words mean; null when kensho does not know the words. */
  meaning: string | null;
}

/** Choices the user makes for a check that the workbook cannot make itself. */
/** What a check may be told beyond the progress rule; every field is optional. */
export interface WorkbookOptions extends Partial<CheckOptions> {
  /** The fiscal year (Gregorian start year) stated by the user: --year, the pane's setting. */
  fiscalYear?: number | null;
  /** A city's profile: headings, columns, year, scale and reason column it pins (core/profile). */
  profile?: LayoutProfile | null;
}

/** What a profile says about one field: the heading words that name it, or the columns it is in. */
export interface ProfileField {
  /** Heading words, compared after NFKC without white space; a heading containing one of them matches. */
  headings?: string[];
  /** Column letters ("B", "C:D"). */
  columns?: string[];
}

/** A level of an evaluation scale: its word, and the lowest achievement rate that earns it. */
export interface ScaleLevel {
  name: string;
  /** Lowest rate (1 = 100%) for this level; null for the last level (anything lower). */
  min: number | null;
  /** true: the rate must be above `min`, not equal to it (△ >0). */
  exclusive?: boolean;
  /** Other ways staff write the level (全角/半角 forms are matched anyway). */
  aliases?: string[];
}

/** An evaluation scale: ordered levels, best first, and which of them need a reason. */
export interface Scale {
  /** A preset's id ("isesaki", "maru", "abcd", "sabc", "abplus") or "custom". */
  id: string;
  levels: ScaleLevel[];
  /** Levels whose rows must say why (the city's 進捗の遅れ). */
  needsReason: string[];
  /** Words that mean "not evaluated" (−): entered where no status can be computed. */
  notEvaluated?: string[];
}

/**
 * A city's layout pinned once (docs/profile.md): each field's headings or columns, the year, the
 * scale, the reason column (or a text column that must explain a delay) and thresholds. Everything is
 * optional: a profile only overrides what recognition gets wrong.
 */
export interface LayoutProfile {
  version: 1;
  name?: string;
  fields?: Partial<Record<FieldKey, ProfileField>>;
  /** Headings that are not data (a column kensho would otherwise read). */
  ignore?: string[];
  fiscalYear?: string;
  /** What `profile init` found the year to be (shown, not applied: next year's sheet names its own). */
  yearFound?: string;
  scale?: string | Scale;
  /** The column whose text must explain a delay, when the layout has no 理由 column (課題, 分析). */
  reasonColumn?: ProfileField;
  thresholds?: { onTrack?: number; nearlyOnTrack?: number };
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
  /**
   * Set only on a sheet with no 目標値 column for the year: the years the baseline and final target
   * columns are dated to, for the straight-line target (core/progress/targets).
   */
  columnYears?: { baseline?: number; finalTarget?: number };
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
  /** A level of the sheet's scale (伊勢崎's three words by default). */
  computedStatus: string | null;
  /** Why no status could be computed, when it could not. */
  noStatus: NoStatusReason | null;
  /**
   * How the year's target was had when the sheet gives none as a figure: the straight line from the
   * dated baseline to the final target, or a direction-only text target (増加, 維持). Absent otherwise.
   */
  targetBasis?: TargetBasis;
}

/** A target kensho worked out or read as a direction, with the facts its finding names. */
export type TargetBasis =
  | {
      kind: "interpolated";
      /** In the base unit, as the rate used it. */
      value: number;
      unit: string | null;
      /** As staff would write it, in the final target's own unit ("22,068千円"). */
      shown: string;
      fromYear: number;
      toYear: number;
    }
  | {
      kind: "direction";
      word: string;
      direction: Direction;
      against: "previous" | "baseline";
      compared: string;
    };

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
  "fiscal-year-disagreement": "warning",
  "column-by-position": "info",
  "activity-text-part-missing": "warning",
  "previous-actual-differs": "warning",
  "activity-text-unchanged": "warning",
  "reason-unchanged": "info",
  "baseline-changed": "warning",
  "final-target-changed": "warning",
  "target-interpolated": "info",
  "direction-target": "info",
  "trend-mismatch": "warning",
  "reasons-not-checked": "info",
} as const satisfies Record<string, Severity>;
export type FindingCode = keyof typeof FINDING_SEVERITY;
export const FINDING_CODES = Object.keys(FINDING_SEVERITY) as FindingCode[];

/**
 * Why a workbook could not be read at all (its file error is `unreadable-file`): kensho's own detail,
 * which the reader reports and the edges put into words.
 */
export type UnreadableReason =
  | "not-found"
  | "is-directory"
  | "permission-denied"
  | "symlink-loop"
  | "io-error"
  | "file-too-large"
  | "lock-file"
  | "empty"
  | "not-zip"
  | "encrypted"
  | "legacy-xls"
  | "legacy-or-encrypted"
  | "corrupt"
  | "no-worksheets"
  | "parse-failed"
  | "part-too-large"
  | "string-too-long"
  | "too-many-cells"
  | "too-many-cells-total";

export interface UnreadableParams {
  /** The file's base name, for the message. */
  file?: string;
  /** The sheet concerned, for per-sheet limits. */
  sheet?: string;
  /** The package part concerned. */
  part?: string;
  /** The limit exceeded (bytes, characters or cells). */
  limit?: number;
}

export const FILE_ERROR_CODES = [
  "unreadable-file",
  "no-verification-sheet",
  "ambiguous-layout",
  "year-column-missing",
] as const;
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
  computed?: string | null;
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
  /** kpi-not-in-sheet: the 担当課 the master names for the missing KPI, when it names one. */
  department?: string | null;
  /** column-by-position: the column's letter(s) and its header as written ("" when blank). */
  column?: string;
  header?: string;
  /** fiscal-year-disagreement: what each source says, and the sheets it says it on. */
  yearSources?: YearSourceParam[];
  /** invalid-status: the status word that was probably meant. */
  suggested?: string;
  /** invalid-status: the scale's words, when the sheet is read with a city's own scale. */
  levels?: string[];
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
  /** activity-text-part-missing: the parts of ①主な取組 ②課題 ③今後の方策 the text lacks (1, 2, 3). */
  parts?: ActivityPart[];
  /** Last year's workbook codes: the file it was read from, and its fiscal year ("令和4年度"). */
  previousFile?: string;
  previousYear?: string | null;
  /** target-interpolated / direction-target: how the target was had. */
  target?: TargetBasis;
  /** missing-delay-reason on a city's scale: the level that asks for a reason. */
  level?: string;
  /** reasons-not-checked: how many rows are behind on the sheet. */
  rows?: number;
  /** trend-mismatch: the mark as written and what the actuals say (improved, same, worse). */
  trend?: "improved" | "same" | "worse";
}

/** The parts of the ①②③ text: 1 主な取組・事業実施状況, 2 課題, 3 今後の方策. */
export type ActivityPart = 1 | 2 | 3;

/** One source's year in a fiscal-year-disagreement finding, grouped over the sheets that say it. */
export interface YearSourceParam {
  source: YearSource;
  /** "令和6年度". */
  fiscalYear: string;
  /** The text it was read from (the first sheet's). */
  text: string;
  sheets: string[];
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

export interface CheckedRow extends VerificationRow, RowProgress {
  /**
   * 見通し: the pace to the final target (core/progress/pace.ts). The check does not need it for any
   * finding: the front ends that show it add it (addOutlooks, core/progress/outlooks.ts).
   */
  outlook?: Outlook;
  /** The years the row's columns name (shared by its block): what the 見通し is dated by. */
  paceYears?: ColumnYears;
  /** Earlier years' actuals from last year's workbooks (--previous), for the 見通し's recent pace. */
  earlierActuals?: DatedActual[];
  /** The KPI's years, with last year's workbooks (--previous); absent without them. */
  history?: KpiHistory;
}

/** A KPI's figures over the years: the baseline, each year's actual and target, the final target. */
export interface KpiHistory {
  baseline: { raw: string; year: number | null };
  finalTarget: { raw: string; year: number | null };
  /** Oldest first; this year last. */
  years: Array<{
    /** Gregorian start year of the fiscal year. */
    year: number;
    actual: string | null;
    target: string | null;
    /** Where the actual came from: this sheet, this sheet's 前年度 column, or last year's workbook. */
    source: "this-year" | "previous-column" | "previous-workbook";
  }>;
}

export interface WorkbookCheck {
  fiscalYear: string | null;
  sheets: SheetLayout[];
  rows: CheckedRow[];
  findings: Finding[];
  /** Set when the workbook cannot be checked: no verification sheet, or a header that is ambiguous. */
  fileError: FileError | null;
  /** Last year's workbooks given but not used (this year's or later, or of no known year). */
  previousIgnored?: string[];
  /** The city's scale the rows were judged on, when it is not 伊勢崎's (a profile's, or shown by the entries). */
  scale?: Scale;
}

/** Why a workbook could not be checked, with the facts its message names. */
export interface FileError {
  code: FileErrorCode;
  /** For a layout that cannot be read without guessing: the sheet and the columns in question. */
  params?: { sheet: string } & LayoutConflict;
  /** no-verification-sheet: the headings found with their meanings, and the fields still missing. */
  found?: { headings: FoundHeading[]; missing: string[] };
}
