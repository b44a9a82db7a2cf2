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
  /** ExcelApi 1.18: notes. */
  notes: boolean;
  /**
   * ExcelApi 1.7: charts with series data labels (charts themselves are 1.1). Without it the 集計
   * sheet shows its counts as text bars instead of a chart.
   */
  charts: boolean;
  /**
   * isSetSupported("ExcelUndoApiAll", "1.0"): kensho's writes join the person's undo stack. Without
   * it every API write clears that stack, and the pane says so before the first write.
   */
  undo: boolean;
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
  /** Replaces all kensho flags by these (one sync), recording each cell's original look in the workbook. */
  writeFlags(flags: CellFlag[]): Promise<void>;
  /** Removes every kensho flag and restores each cell's original formatting exactly. */
  clearFlags(): Promise<void>;
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
   * Takes back the last pane action (statuses written, drop-downs added or a merge), restoring each cell's
   * content or data validation exactly. Returns false when there is nothing to undo.
   */
  undoLastEdit(): Promise<boolean>;
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
  /** Settings that travel with the workbook (per file and add-in; Excel's SettingCollection). */
  loadSetting<T>(key: string): T | null;
  saveSetting(key: string, value: unknown): Promise<void>;
  /**
   * Calls `handler` for edits made by people (row and column inserts and deletes included), never for
   * kensho's own writes. Returns an unsubscribe.
   */
  onCellsChanged(handler: (changes: CellChange[]) => void): Promise<() => Promise<void>>;
}

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
  /** Excel is in cell-edit mode (or otherwise busy with the person) and refused the batch. */
  | "excel-busy"
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
