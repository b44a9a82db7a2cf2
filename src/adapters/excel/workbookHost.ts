// The one narrow seam between kensho and Office.js. The task pane talks only to this interface;
// the Office.js implementation lives beside it and is tested against a stateful fake of Excel.
import type { SheetGrid } from "../../core/model";
import type { CellFlag } from "../../core/flags";

export type { CellFlag } from "../../core/flags";

/** What this Office can do, detected once at start. */
export interface HostSupport {
  /** Highest ExcelApi minor version found, e.g. "1.14" on Office LTSC 2021. */
  excelApi: string;
  /** ExcelApi 1.7: worksheet.onChanged, the minimum kensho needs. */
  onChanged: boolean;
  /** ExcelApi 1.8: data validation drop-downs. */
  dataValidation: boolean;
  /** ExcelApi 1.10: comments. */
  comments: boolean;
  /** ExcelApi 1.13: getMergedAreasOrNullObject. */
  mergedAreas: boolean;
  /**
   * Notes: the host reports ExcelApi 1.18 and the loaded office.js has Excel.NoteCollection and
   * workbook.notes. Without either, comments (or fills only) are used, and 設定 says why.
   */
  notes: boolean;
  /**
   * ExcelApi 1.7: charts with series data labels (charts themselves are 1.1). Without it the 集計
   * sheet shows its counts as text bars instead of a chart.
   */
  charts: boolean;
  /**
   * ExcelApi 1.20 ("adds undo support for Excel JavaScript APIs", excel-api-1-20-requirement-set.md):
   * kensho's writes join the person's undo stack. Below it every API write clears that stack, and the
   * pane says so before the first write. Nothing kensho does relies on it (元に戻す is the pane's own).
   */
  undo: boolean;
  /**
   * RunOptions.mergeUndoGroup can be used: undo support, and an office.js that knows the option
   * (one with ExcelApi 1.20's CustomFunctionManager.setVisibility). Without it each sync is its own
   * undo record.
   */
  undoGrouping: boolean;
  /** What the host reports but the loaded office.js lacks, so kensho does without (said in 設定). */
  libraryLacks: LibraryFeature[];
}

/** APIs a host may report while the office.js the pane loaded (KENSHO_OFFICE_JS=local) lacks them. */
export type LibraryFeature = "notes" | "mergeUndoGroup";

/** What 元に戻す did with the last step, cell by cell. */
export interface UndoOutcome {
  /** A step was taken off the record (false: there was nothing to undo). */
  undone: boolean;
  /** Put back as they were. */
  restored: CellLocation[];
  /** Held their old content already (Excel's own Ctrl+Z, or typed back): nothing written. */
  already: CellLocation[];
  /** Changed since kensho wrote them: left alone. */
  changed: CellLocation[];
  /**
   * Would need a formula or a validation rule written back that this session did not record (a
   * record from another session or another file): left alone.
   */
  unproven: CellLocation[];
}

export interface CellEdit {
  sheet: string;
  address: string;
  value: string;
}

export interface CellLocation {
  sheet: string;
  address: string;
}

/** What 提出ファイルを取り込む writes into a cell: a number, a text kept verbatim, or nothing. */
export type MergeValue =
  { kind: "number"; value: number } | { kind: "text"; value: string } | { kind: "blank" };

export interface MergeEdit {
  sheet: string;
  address: string;
  value: MergeValue;
}

export interface MergeWriteResult {
  /** Cells written, all recorded as one undo step. */
  written: CellLocation[];
  /** Cells left alone because they hold a formula: kensho never destroys one. */
  formulaCells: CellLocation[];
}

/** What a write of marks did, beyond the marks: for the pane to say. */
export interface MarksWritten {
  /** Anything was written (false: the workbook already held exactly these marks). */
  wrote: boolean;
  /**
   * Cells whose message stayed in the pane only: a note is on the cell that this Excel cannot read
   * (ExcelApi below 1.18), and Excel refuses a threaded comment beside a note.
   */
  skipped: CellLocation[];
  /** kensho's notes this Excel can neither read nor remove (ExcelApi below 1.18). */
  unreachableNotes: CellLocation[];
  /** Earlier versions' marks: cells whose own fill was put back from the old record. */
  legacyRestored: number;
  /** Earlier versions' marks: recorded cells left as they are (they no longer show kensho's colour). */
  legacyLeft: CellLocation[];
}

/** A change staff made, as reported by worksheet.onChanged. */
export interface CellChange {
  sheet: string;
  /** The changed range, A1 (may be a multi-cell range such as "L8:L10"). */
  address: string;
}

export interface WorkbookHost {
  readonly support: HostSupport;
  /** Reads every sheet's used range (or only the named sheets) in a fixed number of syncs. */
  readSheets(names?: string[]): Promise<SheetGrid[]>;
  /**
   * Makes the workbook's kensho marks exactly these (docs/flag-record.md): writes only what differs
   * from the marks it holds, nothing when they agree. A cell's own fill, note text and format are
   * never changed.
   */
  writeFlags(flags: CellFlag[]): Promise<MarksWritten>;
  /** Removes every kensho mark and kensho's part of every note and comment, wherever cells moved. */
  clearFlags(): Promise<MarksWritten>;
  /**
   * Whether the workbook holds kensho marks (from a previous session, a co-author or the CLI), as
   * of the pane's opening or its last read or write.
   */
  hasMarks(): boolean;
  /**
   * Writes status words (進捗状況を適用), each stored as the text it is; remembers what every cell held
   * so `undoLastEdit` can put it back verbatim.
   */
  writeValues(edits: CellEdit[]): Promise<void>;
  /**
   * Writes a merge's values (提出ファイルを取り込む): numbers as numbers, text as the text it is, values
   * only (each cell keeps its format). A cell holding a formula is skipped and reported. Every written
   * cell's content is recorded first, as one step `undoLastEdit` takes back whole.
   */
  writeMerge(edits: MergeEdit[]): Promise<MergeWriteResult>;
  /**
   * Takes back the last pane action (statuses written, drop-downs added or a merge): each cell that
   * still holds what kensho wrote gets its content or data validation back exactly; cells changed
   * since are left alone and listed.
   */
  undoLastEdit(): Promise<UndoOutcome>;
  canUndo(): boolean;
  /**
   * Adds a drop-down of the three status words to these cells (ExcelApi 1.8). A cell's own data
   * validation is recorded first, and `undoLastEdit` puts it back.
   */
  /** `levels`: the words the drop-down offers (the city scale's; 伊勢崎's three by default). */
  addStatusDropdown(cells: CellLocation[], levels?: readonly string[]): Promise<void>;
  /**
   * Adds the 集計 sheet in one action (one undo group where ExcelApi 1.20 merges them): values,
   * headings, and a chart of the first table, or text bars where charts are unavailable. The
   * sheet's id is kept in the workbook's settings so that only this sheet is ever removed.
   */
  createSummarySheet(spec: SummarySheetSpec): Promise<SummarySheetResult>;
  /**
   * Deletes the 集計 sheet kensho added, found by its id (a renamed one too; never another sheet).
   * Excel's undo article lists Worksheet.delete as clearing the undo stack: the pane says so.
   * Returns false when the sheet is gone already.
   */
  removeSummarySheet(): Promise<boolean>;
  /** Whether the workbook records a 集計 sheet kensho added (it may since have been deleted by hand). */
  hasSummarySheet(): boolean;
  /** Activates the sheet and selects the cell. */
  select(cell: CellLocation): Promise<void>;
  /**
   * The workbook's custom document properties as the pane opened it (workbook.properties.custom,
   * ExcelApi 1.7), where `kensho split` records a copy's department; [] where the host has none.
   */
  documentProperties(): ReadonlyArray<[string, unknown]>;
  /** Settings that travel with the workbook (per file and add-in; Excel's SettingCollection). */
  loadSetting<T>(key: string): T | null;
  saveSetting(key: string, value: unknown): Promise<void>;
  /**
   * Calls `handler` for edits made by people (row and column inserts and deletes included), never for
   * kensho's own writes. Returns an unsubscribe.
   */
  onCellsChanged(handler: (changes: CellChange[]) => void): Promise<() => Promise<void>>;
  /** What the pane should add to its next notice about actions that succeeded (oldest first). */
  takeNotes(): HostNote[];
}

/**
 * "ungrouped-retry": Excel refused to group an action into one undo step (UndoNotSupported), so it
 * ran ungrouped: Ctrl+Z takes it back in several steps.
 */
export type HostNote = "ungrouped-retry";

/** A cell value of the 集計 sheet. */
export type SheetValue = string | number | null;

/** The 集計 sheet the pane adds: words and figures made by the pane, laid out by the host. */
export interface SummarySheetSpec {
  /** The sheet's name; when a sheet of that name exists, "名前 (2)", "名前 (3)" … is used. */
  name: string;
  /** Values from A1, row by row (text is written as text, never read as a formula). */
  values: SheetValue[][];
  /** 0-based row of the title. */
  titleRow: number;
  /** 0-based rows of the tables' header lines. */
  headerRows: number[];
  /** 0-based rows of the tables' total lines. */
  totalRows: number[];
  /** The chart of the first table, with a text-bar fallback where charts are unavailable. */
  chart: {
    title: string;
    /** The source table, 0-based and inclusive, header row and label column included. */
    source: { top: number; left: number; bottom: number; right: number };
    /** One colour per series ("#RRGGBB"), in the source's column order. */
    colors: string[];
    /** Where the chart goes: top-left and bottom-right cells, A1. */
    from: string;
    to: string;
    /** The fallback: text bars, one per source row, written in this 0-based column. */
    barsColumn: number;
    bars: string[];
    barsHeader: string;
  };
}

/** What createSummarySheet did. */
export interface SummarySheetResult {
  /** The name the sheet got. */
  name: string;
  /** A chart was drawn (false: text bars, where the host has no chart support). */
  chart: boolean;
}

/** Why a host operation failed, so the pane can say it in Japanese. */
export type HostErrorCode =
  | "sheet-protected"
  | "api-unsupported"
  | "payload-too-large"
  /** Excel is in cell-edit mode and refused the batch (InvalidOperationInCellEditMode). */
  | "excel-busy"
  /**
   * InvalidOperation: what the delay-for-cell-edit article names for a batch refused in cell-edit
   * mode, and also Excel's generic "the operation attempted is invalid on the object".
   */
  | "invalid-operation"
  /** ActivityLimitReached: too many requests at once; wait and try again. */
  | "activity-limit"
  | "unknown";

export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "HostError";
  }
}
