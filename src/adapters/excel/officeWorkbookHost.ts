// WorkbookHost over the Office.js Excel API: a thin facade over the jobs in this folder. All
// Office.js calls of kensho live here and beside it.
/* global Excel */

//
// Every batch runs with delayForCellEdit (batches.ts). On hosts with undo support (ExcelApi 1.20)
// nothing kensho calls clears the undo stack, except 集計シートを削除 (Worksheet.delete, said in the
// pane): no sheet is hidden or deleted otherwise; kensho's marks are conditional formats of its own
// (markWriter.ts); the flag record and the edit record are custom XML parts (recordStore.ts,
// editStore.ts); settings go through Excel's SettingCollection (settingsStore.ts). Nothing relies on
// that undo: 元に戻す is the pane's own (recordedEdit.ts).
//
// Sync budget (independent of rows and sheets; "cache" = what the last readSheets captured):
//   init          2 (sheet list, record and edit part lists, settings, custom document properties, notes and comments; both
//                 records, each sheet's used-range size and conditional formats: whether kensho
//                 marks are there)
//   readSheets    2 (sheet list + record/notes/comments lists; cells, merged areas in tiles,
//                 visibility, protection, conditional formats, note/comment locations, record)
//                 [+1 when the workbook holds kensho marks or an earlier version's record: where
//                 they are] [+1 before ExcelApi 1.9 for hidden rows] [+1 for a sheet that grew past
//                 what init or the last read knew]
//   writeFlags    0 after a readSheets when the marks are as wanted; 1 otherwise. Without a cached
//                 read (or after a person's change, or a write refused on a stale cache): the read
//                 first (2, +1 when marks exist), then 0 or 1. +3 per cell, at most 3 cells, only on
//                 ExcelApi 1.10–1.17 when Excel refuses a threaded comment on a cell holding a note
//                 it cannot read.
//   clearFlags    same as writeFlags
//   onCellsChanged  0 when readSheets is called in the same tick (ExcelApi 1.9+: the handler rides
//                 on its first sync); otherwise 1 (1.9+) or 2 (1.7/1.8: one handler per sheet)
//   writeValues, writeMerge, addStatusDropdown, undoLastEdit   read 1 + write 1 (+1 to list the
//                 edit record's part when the workbook has none yet), whatever the number of cells;
//                 the read includes the cells' protection, so a refused edit records nothing
//   createSummarySheet 3 (names; sheet, contents, chart; its id into the settings); removeSummarySheet 2
import type { SheetGrid } from "../../core/model";
import type { StructuralChange } from "../../core/flags";
import { Batches, type ExcelRun } from "./batches";
import { ChangeFeed, realTimers, type Timers } from "./changeFeed";
import { ChangeRegistration } from "./changeRegistration";
import { holdsMarks, splitMessage } from "../../core/flags";
import { EditState } from "./editState";
import { EditUndo } from "./editUndo";
import { queueEditList, queueEditRead } from "./editStore";
import { HostState } from "./hostState";
import { queueFormatList } from "./markReader";
import { MarkRead, MarkWriter } from "./markWriter";
import { queueMessageList } from "./messageReader";
import type { OfficeLike } from "./officeHost.types";
import type { ReadCache } from "./readCache";
import { DEFAULT_CHUNK_CELLS, readSheets, type Dims, type ReadHooks } from "./readSheets";
import { MergeWriter } from "./mergeWriter";
import { LEGACY_STATE_SHEET, queuePartList, queueRecordRead } from "./recordStore";
import { SettingsStore } from "./settingsStore";
import { StatusWriter } from "./statusWriter";
import { SummarySheetWriter } from "./summarySheet";
import { apiAtLeast, detectSupport, type LibraryLike } from "./support";
import type {
  CellChange,
  CellEdit,
  CellFlag,
  CellLocation,
  HostNote,
  HostSupport,
  MarksWritten,
  SummarySheetResult,
  SummarySheetSpec,
  MergeEdit,
  MergeWriteResult,
  UndoOutcome,
  WorkbookHost,
} from "./workbookHost";

export interface OfficeHostOptions {
  /** Defaults to the global Excel.run. */
  run?: ExcelRun;
  /** Defaults to the global Office. */
  office?: OfficeLike;
  /** Skip detection (tests); otherwise detected from Office.context.requirements and the library. */
  support?: HostSupport;
  /** The loaded office.js's Excel namespace (default: the global Excel), for what it has. */
  library?: LibraryLike;
  /** Quiet period before edits are reported (default 400 ms). */
  debounceMs?: number;
  /** How long kensho's own written cells stay suppressed after a write (default 2000 ms). */
  graceMs?: number;
  timers?: Timers;
  /** Cells per band when a read must fall back to bands (default 20,000). */
  chunkCells?: number;
}

export class OfficeWorkbookHost implements WorkbookHost {
  readonly support: HostSupport;
  private readonly batches: Batches;
  private readonly state = new HostState();
  private readonly edits = new EditState();
  private readonly feed: ChangeFeed;
  private readonly changes: ChangeRegistration;
  private readonly marks: MarkWriter;
  private readonly statuses: StatusWriter;
  private readonly merges: MergeWriter;
  private readonly undo: EditUndo;
  private readonly settings: SettingsStore;
  private readonly summary: SummarySheetWriter;
  private readonly chunkCells: number;
  private customProperties: Array<[string, unknown]> = [];

  constructor(opts: OfficeHostOptions & { run: ExcelRun; office: OfficeLike }) {
    this.support = opts.support ?? detectSupport(opts.office.context.requirements, libraryOf(opts));
    this.batches = new Batches(opts.run, this.support);
    this.feed = new ChangeFeed(
      opts.debounceMs ?? 400,
      opts.graceMs ?? 2000,
      opts.timers ?? realTimers,
      (change) => this.structural(change),
      // A person's or a co-author's change: what the last read saw may no longer be so.
      () => (this.state.readCache = null),
    );
    this.changes = new ChangeRegistration(this.batches, this.support, this.feed);
    this.marks = new MarkWriter(this.batches, this.state, this.support, this.feed);
    this.statuses = new StatusWriter(this.batches, this.state, this.edits, this.support, this.feed);
    const edits = { batches: this.batches, state: this.state, edits: this.edits, feed: this.feed };
    this.merges = new MergeWriter(edits);
    this.undo = new EditUndo(edits);
    this.settings = new SettingsStore(this.batches);
    this.summary = new SummarySheetWriter(this.batches, this.support, this.settings, this.feed);
    this.chunkCells = opts.chunkCells ?? DEFAULT_CHUNK_CELLS;
  }

  /**
   * Two syncs when the pane opens: the records (so canUndo() is right after a reopen), the settings,
   * whether the workbook holds kensho marks (so フラグを消す is there without a check first), and
   * each sheet's used-range size (so the first check can tile merged areas in its own batch).
   */
  async init(): Promise<void> {
    await this.batches.guardUngrouped(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/id");
      const parts = queuePartList(ctx);
      const editParts = queueEditList(ctx);
      const settings = this.settings.queueLoad(ctx);
      const custom = this.queueCustomProperties(ctx);
      const messages = queueMessageList(ctx, this.support);
      await ctx.sync();
      settings();
      custom();
      const refs = sheets.items.map((s) => ({ name: s.name, id: s.id }));
      this.state.sheetsListed(refs);
      this.edits.sheetsListed(refs);
      const edits = queueEditRead(ctx, editParts());
      const record = queueRecordRead(
        ctx,
        parts(),
        refs.some((s) => s.name === LEGACY_STATE_SHEET),
      );
      const formats = queueFormatList(
        ctx,
        refs.map((s) => s.name).filter((n) => n !== LEGACY_STATE_SHEET),
      );
      const used = refs
        .filter((s) => s.name !== LEGACY_STATE_SHEET)
        .map((s) => ({
          name: s.name,
          range: ctx.workbook.worksheets
            .getItem(s.name)
            .getUsedRange(true)
            .load("rowIndex,columnIndex,rowCount,columnCount"),
        }));
      await ctx.sync();
      this.state.adopt(record());
      this.edits.adopt(edits());
      const listed = messages();
      this.state.marksPresent =
        formats().length > 0 ||
        this.state.record.flags.length > 0 ||
        [...listed.notes, ...listed.comments].some((m) => splitMessage(m.content).kensho !== null);
      this.state.rememberDims(
        new Map<string, Dims>(
          used.map(({ name, range }) => [
            name,
            {
              rowIndex: range.rowIndex,
              columnIndex: range.columnIndex,
              rowCount: range.rowCount,
              columnCount: range.columnCount,
            },
          ]),
        ),
      );
    });
  }

  /**
   * Two syncs (three when the workbook holds kensho marks). Besides the grids, the same batches
   * capture what writeFlags needs (kensho's marks and where they are, notes and comments, protection,
   * the record) and, when onCellsChanged was called just before, register the change handler.
   */
  async readSheets(names?: string[]): Promise<SheetGrid[]> {
    // Claimed synchronously, before any await, so a subscription made in the same tick rides along.
    const claim = this.changes.claim();
    let carried = false;
    const marks = new MarkRead(this.support);
    let allSheets: string[] = [];

    const hooks: ReadHooks = {
      withList: (ctx) => {
        marks.queueList(ctx);
        const registered = claim?.queue(ctx);
        return (sheets) => {
          allSheets = sheets.map((s) => s.name);
          this.state.sheetsListed(sheets);
          this.edits.sheetsListed(sheets);
          if (registered) {
            registered(sheets);
            carried = true;
          }
        };
      },
      withCells: (ctx) => {
        marks.queueCells(ctx, allSheets);
        return () => undefined;
      },
    };

    try {
      const result = await this.batches.guardUngrouped(async (ctx) => {
        const read = await readSheets(ctx, this.support, names, {
          chunkCells: this.chunkCells,
          hooks,
          knownDims: (n) => this.state.knownDims(n),
        });
        const cache: ReadCache = await marks.finish(ctx, (r) => this.marks.adopt(r));
        return { read, cache };
      });
      this.state.rememberDims(result.read.dims);
      this.state.readCache = result.cache;
      this.state.marksPresent =
        holdsMarks(result.cache.marks, result.cache.messages) || result.cache.legacy !== null;
      return result.read.grids;
    } catch (err) {
      this.state.readCache = null;
      throw err;
    } finally {
      claim?.settle(carried);
    }
  }

  writeFlags(flags: CellFlag[]): Promise<MarksWritten> {
    return this.marks.write(flags);
  }

  clearFlags(): Promise<MarksWritten> {
    return this.marks.write([]);
  }

  hasMarks(): boolean {
    return this.state.marksPresent;
  }

  writeValues(edits: CellEdit[]): Promise<void> {
    return this.statuses.writeValues(edits);
  }

  writeMerge(edits: MergeEdit[]): Promise<MergeWriteResult> {
    return this.merges.write(edits);
  }

  undoLastEdit(): Promise<UndoOutcome> {
    return this.undo.undoLastEdit();
  }

  canUndo(): boolean {
    return this.undo.canUndo();
  }

  addStatusDropdown(cells: CellLocation[], levels?: readonly string[]): Promise<void> {
    return this.statuses.addStatusDropdown(cells, levels);
  }

  createSummarySheet(spec: SummarySheetSpec): Promise<SummarySheetResult> {
    return this.summary.create(spec);
  }

  removeSummarySheet(): Promise<boolean> {
    return this.summary.remove();
  }

  hasSummarySheet(): boolean {
    return this.summary.exists();
  }

  async select(cell: CellLocation): Promise<void> {
    await this.batches.guardUngrouped(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(cell.sheet);
      ws.activate();
      ws.getRange(cell.address).select();
      await ctx.sync();
    });
  }

  /**
   * Queued in init's first batch: the custom document properties (ExcelApi 1.7, and only where the
   * loaded office.js has workbook.properties). The returned function runs after the sync.
   */
  private queueCustomProperties(ctx: Excel.RequestContext): () => void {
    const workbook = ctx.workbook as Excel.Workbook & { properties?: Excel.DocumentProperties };
    if (!apiAtLeast(this.support.excelApi, "1.7") || !workbook.properties) return () => undefined;
    const custom = workbook.properties.custom.load("items/key,items/value");
    return () => {
      this.customProperties = custom.items.map((p) => [p.key, p.value as unknown]);
    };
  }

  documentProperties(): ReadonlyArray<[string, unknown]> {
    return this.customProperties;
  }

  loadSetting<T>(key: string): T | null {
    return this.settings.get<T>(key);
  }

  saveSetting(key: string, value: unknown): Promise<void> {
    return this.settings.save(key, value);
  }

  onCellsChanged(handler: (changes: CellChange[]) => void): Promise<() => Promise<void>> {
    return this.changes.subscribe(handler);
  }

  takeNotes(): HostNote[] {
    return this.batches.takeNotes();
  }

  /** Rows or columns moved: the records follow the cells (kensho's marks move with them in Excel). */
  private structural(change: StructuralChange): void {
    this.state.structural(change);
    this.edits.structural(change);
  }
}

/** The loaded office.js's Excel namespace, where the pane runs with one. */
function libraryOf(opts: OfficeHostOptions): LibraryLike | undefined {
  return opts.library ?? (typeof Excel === "undefined" ? undefined : (Excel as unknown as LibraryLike));
}

/** The pane's entry point: detects support from the live Office and loads kensho's state. */
export async function createOfficeWorkbookHost(opts: OfficeHostOptions = {}): Promise<OfficeWorkbookHost> {
  const host = new OfficeWorkbookHost({
    ...opts,
    run: opts.run ?? ((options, batch) => Excel.run(options, batch)),
    office: opts.office ?? (Office as unknown as OfficeLike),
  });
  await host.init();
  return host;
}
