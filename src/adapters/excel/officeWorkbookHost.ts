// WorkbookHost over the Office.js Excel API: a thin facade over the jobs in this folder. All
// Office.js calls of kensho live here and beside it.
/* global Excel */

//
// Every batch runs with delayForCellEdit (batches.ts). On hosts with undo support (ExcelApi 1.20)
// nothing kensho calls clears the undo stack, except 集計シートを削除 (Worksheet.delete, said in the
// pane): no sheet is hidden or deleted otherwise; the flag record and the edit record are custom XML
// parts (recordStore.ts, editStore.ts); settings go through Excel's SettingCollection
// (settingsStore.ts). Nothing relies on that undo: 元に戻す is the pane's own (recordedEdit.ts).
//
// Sync budget (independent of rows and sheets; "cache" = what the last readSheets captured):
//   init          2 (sheet list, record and edit part lists, settings; both records, each sheet's
//                 used-range size)
//   readSheets    2 (sheet list + record/notes/comments lists; cells, fills, merged areas in tiles,
//                 visibility, protection, note/comment locations, record) [+1 before ExcelApi 1.9 for
//                 hidden rows] [+1 for a sheet that grew past what init or the last read knew]
//   writeFlags    1 after a readSheets (ExcelApi 1.9+, every newly flagged cell in a read sheet);
//                 +1 read before 1.9 (no getCellProperties: the new cells' fills are read first),
//                 or for cells the cache does not cover (a sheet not read, outside the used range);
//                 +1 correction, only when a fill changed between the read and the write.
//                 Without a cached read (or after rows moved, or a write failed on a stale cache):
//                 list 1 + read 1 + write 1.
//   clearFlags    same as writeFlags (1 after a readSheets)
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
import { queueCommentList, queueCommentLocations, queueNoteList, queueNoteLocations } from "./cellObserver";
import { FlagWriter } from "./flagWriter";
import { EditState } from "./editState";
import { EditUndo } from "./editUndo";
import { queueEditList, queueEditRead } from "./editStore";
import { HostState } from "./hostState";
import type { OfficeLike } from "./officeHost.types";
import type { ReadCache } from "./readCache";
import { DEFAULT_CHUNK_CELLS, readSheets, type Dims, type ReadHooks } from "./readSheets";
import { MergeWriter } from "./mergeWriter";
import { LEGACY_STATE_SHEET, queuePartList, queueRecordRead, type StoredRecord } from "./recordStore";
import { SettingsStore } from "./settingsStore";
import { StatusWriter } from "./statusWriter";
import { SummarySheetWriter } from "./summarySheet";
import { detectSupport, type LibraryLike } from "./support";
import type {
  CellChange,
  CellEdit,
  CellFlag,
  CellLocation,
  HostNote,
  HostSupport,
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

type Extras = Pick<ReadCache, "notes" | "comments" | "protectedSheets">;

export class OfficeWorkbookHost implements WorkbookHost {
  readonly support: HostSupport;
  private readonly batches: Batches;
  private readonly state = new HostState();
  private readonly edits = new EditState();
  private readonly feed: ChangeFeed;
  private readonly changes: ChangeRegistration;
  private readonly flags: FlagWriter;
  private readonly statuses: StatusWriter;
  private readonly merges: MergeWriter;
  private readonly undo: EditUndo;
  private readonly settings: SettingsStore;
  private readonly summary: SummarySheetWriter;
  private readonly chunkCells: number;

  constructor(opts: OfficeHostOptions & { run: ExcelRun; office: OfficeLike }) {
    this.support = opts.support ?? detectSupport(opts.office.context.requirements, libraryOf(opts));
    this.batches = new Batches(opts.run, this.support);
    this.feed = new ChangeFeed(
      opts.debounceMs ?? 400,
      opts.graceMs ?? 2000,
      opts.timers ?? realTimers,
      (change) => this.structural(change),
    );
    this.changes = new ChangeRegistration(this.batches, this.support, this.feed);
    this.flags = new FlagWriter(this.batches, this.state, this.support, this.feed);
    this.statuses = new StatusWriter(this.batches, this.state, this.edits, this.support, this.feed);
    const edits = { batches: this.batches, state: this.state, edits: this.edits, feed: this.feed };
    this.merges = new MergeWriter(edits);
    this.undo = new EditUndo(edits);
    this.settings = new SettingsStore(this.batches);
    this.summary = new SummarySheetWriter(this.batches, this.support, this.settings, this.feed);
    this.chunkCells = opts.chunkCells ?? DEFAULT_CHUNK_CELLS;
  }

  /**
   * Two syncs when the pane opens: the record (so canUndo() is right after a reopen), the settings,
   * and each sheet's used-range size (so the first check can tile merged areas in its own batch).
   */
  async init(): Promise<void> {
    await this.batches.guardUngrouped(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/id");
      const parts = queuePartList(ctx);
      const editParts = queueEditList(ctx);
      const settings = this.settings.queueLoad(ctx);
      await ctx.sync();
      settings();
      const refs = sheets.items.map((s) => ({ name: s.name, id: s.id }));
      this.state.sheetsListed(refs);
      this.edits.sheetsListed(refs);
      const edits = queueEditRead(ctx, editParts());
      const record = queueRecordRead(
        ctx,
        parts(),
        refs.some((s) => s.name === LEGACY_STATE_SHEET),
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
   * Two syncs. Besides the grids, the same two batches capture what writeFlags needs (the record,
   * original fills, note and comment locations, protection) and, when onCellsChanged was called just
   * before, register the change handler.
   */
  async readSheets(names?: string[]): Promise<SheetGrid[]> {
    // Claimed synchronously, before any await, so a subscription made in the same tick rides along.
    const claim = this.changes.claim();
    let carried = false;
    let partIds: string[] = [];
    let legacy = false;
    let noteList: (() => Excel.Note[]) | null = null;
    let commentList: (() => Excel.Comment[]) | null = null;
    let extras: Extras | null = null;
    let stored: StoredRecord | null = null;
    let allSheets: string[] = [];

    const hooks: ReadHooks = {
      withList: (ctx) => {
        const parts = queuePartList(ctx);
        noteList = this.support.notes ? queueNoteList(ctx) : null;
        commentList = this.support.comments ? queueCommentList(ctx) : null;
        const registered = claim?.queue(ctx);
        return (sheets) => {
          partIds = parts();
          legacy = sheets.some((s) => s.name === LEGACY_STATE_SHEET);
          allSheets = sheets.map((s) => s.name).filter((n) => n !== LEGACY_STATE_SHEET);
          this.state.sheetsListed(sheets);
          this.edits.sheetsListed(sheets);
          if (registered) {
            registered(sheets);
            carried = true;
          }
        };
      },
      withCells: (ctx) => {
        const protection = allSheets.map((name) => ({
          name,
          p: ctx.workbook.worksheets.getItem(name).protection.load("protected"),
        }));
        const notes = noteList ? queueNoteLocations(noteList()) : null;
        const comments = commentList ? queueCommentLocations(commentList()) : null;
        const record = queueRecordRead(ctx, partIds, legacy);
        return () => {
          extras = {
            protectedSheets: new Set(protection.filter((x) => x.p.protected).map((x) => x.name)),
            notes: notes ? notes() : new Map(),
            comments: comments ? comments() : new Map(),
          };
          stored = record();
        };
      },
    };

    try {
      const result = await this.batches.guardUngrouped((ctx) =>
        readSheets(ctx, this.support, names, {
          chunkCells: this.chunkCells,
          hooks,
          knownDims: (n) => this.state.knownDims(n),
        }),
      );
      // Assigned inside the hooks, which TypeScript's flow analysis cannot see.
      const seen = extras as Extras | null;
      const record = stored as StoredRecord | null;
      this.state.rememberDims(result.dims);
      if (seen && record) {
        this.state.adopt(record);
        const sheets = new Set(allSheets);
        // A partial read keeps the fills an earlier read captured of the other (still existing) sheets.
        const kept = names ? [...(this.state.readCache?.fills ?? [])].filter(([n]) => sheets.has(n)) : [];
        this.state.readCache = { ...seen, sheets, fills: new Map([...kept, ...result.fills]) };
      }
      return result.grids;
    } catch (err) {
      this.state.readCache = null;
      throw err;
    } finally {
      claim?.settle(carried);
    }
  }

  writeFlags(flags: CellFlag[]): Promise<void> {
    return this.flags.write(flags);
  }

  clearFlags(): Promise<void> {
    return this.flags.write([]);
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

  /** Rows or columns moved: the flag record and the edit record follow the cells. */
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
