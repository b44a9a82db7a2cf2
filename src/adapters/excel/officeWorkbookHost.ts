// WorkbookHost over the Office.js Excel API. All Office.js calls of kensho live in this folder.
/* global Excel, OfficeExtension, Office */
// Sync budget (independent of rows and sheets; "cache" = what the last readSheets captured):
//   readSheets    2 (sheet list + state/notes/comments lists; cells, fills, locations, protection)
//                 [+1 before ExcelApi 1.9 for hidden rows]
//   writeFlags    1 after a readSheets (ExcelApi 1.9+, every newly flagged cell in a read sheet);
//                 +1 read before 1.9 (no getCellProperties: the new cells' fills are read first),
//                 or for cells the cache does not cover (a sheet not read, outside the used range);
//                 +1 correction, only when a fill changed between the read and the write.
//                 Without a cached read (or after a write failed on a stale cache): read 1
//                 (+1 when comments exist) + write 1, as before.
//   clearFlags    same as writeFlags (1 after a readSheets)
//   onCellsChanged  0 when readSheets is called in the same tick (ExcelApi 1.9+: the handler rides
//                 on its first sync); otherwise 1 (1.9+) or 2 (1.7/1.8: one handler per sheet)
//   writeValues  read 1 + write 1;  undoLastEdit  read 1 + write 1
import { HOST_MESSAGES } from "../../i18n/excel";
import type { SheetGrid } from "../../core/model";
import { qualify } from "./a1";
import { STATUS_WORDS } from "../../core/model";
import { ChangeFeed, realTimers, type RawChange, type Timers } from "./changeFeed";
import {
  queueCommentList,
  queueCommentLocations,
  queueNoteList,
  queueNoteLocations,
  queueObserve,
  type CellRef,
  type Observation,
} from "./cellObserver";
import { isPayloadError, officeErrorCode, toHostError } from "./errors";
import { cellKey, mergeFlags, observedFill, planFlags, type FlagPlan, type ObservedCell } from "./flagPlan";
import type { ExcelRun, OfficeLike } from "./officeHost.types";
import { cachedFill, sameFill, setCachedFill, type CommentInfo, type ReadCache } from "./readCache";
import { DEFAULT_CHUNK_CELLS, readSheets, type ReadHooks, type SheetRef } from "./readSheets";
import {
  STATE_SHEET,
  isEmptyState,
  queueStateRead,
  queueStateWrite,
  type FlagRecord,
  type KenshoState,
  type MessageKind,
  type UndoRecord,
} from "./stateStore";
import { apiAtLeast, detectSupport } from "./support";
import {
  HostError,
  type CellChange,
  type CellEdit,
  type CellFlag,
  type CellLocation,
  type HostSupport,
  type WorkbookHost,
} from "./workbookHost";

export interface OfficeHostOptions {
  /** Defaults to the global Excel.run. */
  run?: ExcelRun;
  /** Defaults to the global Office. */
  office?: OfficeLike;
  /** Skip detection (tests); otherwise detected from Office.context.requirements. */
  support?: HostSupport;
  /** Quiet period before edits are reported (default 400 ms). */
  debounceMs?: number;
  /** How long kensho's own written cells stay suppressed after a write (default 2000 ms). */
  graceMs?: number;
  timers?: Timers;
  /** Cells per chunk when a read must fall back to chunks (default 20,000). */
  chunkCells?: number;
}

type Loaded = { exists: boolean; state: KenshoState };

type Remover = () => Promise<void>;

/** A handler registration waiting for a batch to carry it (see onCellsChanged). */
interface PendingRegistration {
  resolve(): void;
  reject(err: unknown): void;
}

/** Thrown inside the cached write path when it must give way to a fresh read. */
class UseFreshRead extends Error {}

export class OfficeWorkbookHost implements WorkbookHost {
  readonly support: HostSupport;
  private readonly run: ExcelRun;
  private readonly office: OfficeLike;
  private readonly feed: ChangeFeed;
  private readonly chunkCells: number;
  /** Last known persisted state (init, every readSheets, and kensho's own writes keep it current). */
  private cached: KenshoState = { flags: [], undo: [] };
  /** Whether the state sheet exists, as of `cached`. */
  private stateExists = false;
  /** What the last readSheets saw besides the grids; null until a read (or after a failed write). */
  private readCache: ReadCache | null = null;
  private unregister: Remover | null = null;
  /** Settles when the Office handlers are registered; null when none is under way. */
  private registering: Promise<void> | null = null;
  /** A registration readSheets may still carry in its first batch. */
  private pendingRegistration: PendingRegistration | null = null;

  constructor(opts: OfficeHostOptions & { run: ExcelRun; office: OfficeLike }) {
    this.run = opts.run;
    this.office = opts.office;
    this.support = opts.support ?? detectSupport(opts.office.context.requirements);
    this.feed = new ChangeFeed(opts.debounceMs ?? 400, opts.graceMs ?? 2000, opts.timers ?? realTimers);
    this.chunkCells = opts.chunkCells ?? DEFAULT_CHUNK_CELLS;
  }

  /** Loads the persisted state (one sync) so canUndo() is right after a reopen. */
  async init(): Promise<void> {
    const loaded = await this.guard(async (ctx) => {
      const read = queueStateRead(ctx);
      await ctx.sync();
      return read();
    });
    this.cached = loaded.state;
    this.stateExists = loaded.exists;
  }

  private remember(state: KenshoState): void {
    this.cached = state;
    this.stateExists = !isEmptyState(state);
  }

  private messageMode(): MessageKind {
    return this.support.notes ? "note" : this.support.comments ? "comment" : "none";
  }

  private get hasPattern(): boolean {
    return apiAtLeast(this.support.excelApi, "1.9");
  }

  /** Runs a batch, translating Office errors into HostError. */
  private async guard<T>(
    batch: (ctx: Excel.RequestContext) => Promise<T>,
    protectedInvolved = false,
  ): Promise<T> {
    try {
      return await this.run(batch);
    } catch (err) {
      throw toHostError(err, protectedInvolved);
    }
  }

  /**
   * Two syncs. Besides the grids, the same two batches capture what writeFlags needs (state sheet,
   * original fills, note and comment locations, protection) and, when onCellsChanged was called
   * just before, register the change handler.
   */
  async readSheets(names?: string[]): Promise<SheetGrid[]> {
    // Claimed synchronously, before any await, so a subscription made in the same tick rides along.
    const registration = this.pendingRegistration;
    this.pendingRegistration = null;
    let registered = false;
    let loaded: Loaded | null = null;
    let noteList: (() => Excel.Note[]) | null = null;
    let commentList: (() => Excel.Comment[]) | null = null;
    let extras: Pick<ReadCache, "notes" | "comments" | "protectedSheets"> | null = null;
    let allSheets: string[] = [];

    const hooks: ReadHooks = {
      withList: (ctx) => {
        const state = queueStateRead(ctx);
        noteList = this.support.notes ? queueNoteList(ctx) : null;
        commentList = this.support.comments ? queueCommentList(ctx) : null;
        const handler = registration ? this.queueCollectionHandler(ctx) : null;
        return (sheets) => {
          loaded = state();
          allSheets = sheets.map((s) => s.name).filter((n) => n !== STATE_SHEET);
          if (handler && registration) {
            this.unregister = handler(sheets);
            registered = true;
            registration.resolve();
          }
        };
      },
      withCells: (ctx, sheets) => {
        const protection = sheets
          .filter((s) => s.name !== STATE_SHEET)
          .map((s) => ({
            name: s.name,
            p: ctx.workbook.worksheets.getItem(s.name).protection.load("protected"),
          }));
        const notes = noteList ? queueNoteLocations(noteList()) : null;
        const comments = commentList ? queueCommentLocations(commentList()) : null;
        return () => {
          extras = {
            protectedSheets: new Set(protection.filter((x) => x.p.protected).map((x) => x.name)),
            notes: notes ? notes() : new Map(),
            comments: comments ? comments() : new Map(),
          };
        };
      },
    };

    try {
      const result = await this.guard((ctx) =>
        readSheets(ctx, this.support, names, { chunkCells: this.chunkCells, hooks }),
      );
      const state = loaded as Loaded | null;
      // Assigned inside the hooks, which TypeScript's flow analysis cannot see.
      const seen = extras as Pick<ReadCache, "notes" | "comments" | "protectedSheets"> | null;
      if (state && seen) {
        this.cached = state.state;
        this.stateExists = state.exists;
        const sheets = new Set(allSheets);
        // A partial read keeps the fills an earlier read captured of the other (still existing) sheets.
        const kept = names ? [...(this.readCache?.fills ?? [])].filter(([n]) => sheets.has(n)) : [];
        this.readCache = { ...seen, sheets, fills: new Map([...kept, ...result.fills]) };
      }
      return result.grids;
    } catch (err) {
      this.readCache = null;
      throw err;
    } finally {
      if (registration && !registered) {
        // The read failed before its first sync: register on our own.
        this.registerOwn().then(registration.resolve, registration.reject);
      }
    }
  }
  /**
   * Replaces all kensho flags. After a readSheets this is ONE sync: the state, original fills,
   * notes, comments and protection all come from that read's cache (see readCache.ts). Falls back:
   *  - cells flagged for the first time whose fill the cache does not hold (ExcelApi below 1.9, a
   *    sheet that was not read, a cell outside the used range): +1 read sync for just those cells;
   *  - no cached read at all (writeFlags before any readSheets), or a cached sheet that is now
   *    protected: the fresh path, which reads first (1 sync, +1 when comments exist) and then writes;
   *  - a cached write that Excel refused for another reason (a note or comment appeared, a sheet
   *    was deleted or renamed since the read): dropped cache, then the fresh path, once.
   */
  async writeFlags(flags: CellFlag[]): Promise<void> {
    const cache = this.readCache;
    if (cache) {
      try {
        await this.writeFlagsCached(flags, cache);
        return;
      } catch (err) {
        if (err instanceof HostError) throw err;
        if (!(err instanceof UseFreshRead)) {
          const code = officeErrorCode(err);
          if (code === "AccessDenied" || isPayloadError(err)) throw toHostError(err, true);
        }
        // Otherwise the cache was stale: read afresh below.
      }
    }
    this.readCache = null;
    await this.writeFlagsFresh(flags);
  }

  clearFlags(): Promise<void> {
    return this.writeFlags([]);
  }

  private async writeFlagsCached(flags: CellFlag[], cache: ReadCache): Promise<void> {
    // Records of sheets deleted before the read are dropped, as in the fresh path.
    const previous = this.cached.flags.filter((r) => cache.sheets.has(r.sheet));
    const recorded = new Set(previous.map((r) => cellKey(r.sheet, r.address)));
    const touched = new Set([...previous.map((r) => r.sheet), ...flags.map((f) => f.sheet)]);
    if ([...touched].some((n) => cache.protectedSheets.has(n))) throw new UseFreshRead();
    const uncovered: CellRef[] = mergeFlags(flags).filter(
      (f) =>
        !recorded.has(cellKey(f.sheet, f.address)) && cachedFill(cache, f.sheet, f.address) === undefined,
    );
    const undo = this.cached.undo;
    const exists = this.stateExists;

    await this.run(async (ctx) => {
      let seen: Observation | null = null;
      if (uncovered.length > 0) {
        // The extra read: below ExcelApi 1.9 (no getCellProperties) or for cells no read covered.
        const observe = queueObserve(ctx, uncovered, this.support);
        await ctx.sync();
        seen = observe();
        const blocked = seen.protectedSheets.filter((n) => touched.has(n));
        if (blocked.length > 0)
          throw new HostError("sheet-protected", HOST_MESSAGES.protectedSheets(blocked));
      }
      const missing = new Set(seen?.missingSheets ?? []);
      const wanted = flags.filter((f) => !missing.has(f.sheet));
      const cells = new Map<string, ObservedCell>();
      for (const c of [...previous, ...wanted]) {
        const key = cellKey(c.sheet, c.address);
        if (cells.has(key)) continue;
        const fresh = seen?.cells.get(key);
        const fill = cachedFill(cache, c.sheet, c.address);
        cells.set(key, {
          // Cached fills are normalised; turn them back into what Excel reports.
          fill: fresh ? fresh.fill : (fill?.fill ?? null),
          pattern: fresh ? fresh.pattern : fill && fill.fill !== null ? (fill.pattern ?? "Solid") : "None",
          note: fresh && this.support.notes ? fresh.note : (cache.notes.get(key) ?? "none"),
          comment: cache.comments.get(key) ?? null,
        });
      }
      const plan = planFlags(previous, wanted, cells, this.messageMode());
      const added = await this.commitPlan(ctx, plan, previous, undo, exists);
      this.updateCache(cache, plan, added);
    });
  }

  /** Without a cached read: read what the plan needs (1 sync, +1 for comment locations), then write. */
  private async writeFlagsFresh(flags: CellFlag[]): Promise<void> {
    const mode = this.messageMode();
    await this.guard(async (ctx) => {
      // Read sync A: state, and the cells we expect to touch (cached state + new flags).
      const stateRead = queueStateRead(ctx);
      const guessed: CellRef[] = [...this.cached.flags, ...flags];
      const observe = queueObserve(ctx, guessed, this.support);
      const commentList = this.support.comments ? queueCommentList(ctx) : null;
      await ctx.sync();
      const loaded: Loaded = stateRead();
      let obs: Observation = observe();

      // Read sync B, only when needed: comment locations, or cells the cached state did not know.
      const known = new Set(guessed.map((c) => cellKey(c.sheet, c.address)));
      const unknown = loaded.state.flags.filter((r) => !known.has(cellKey(r.sheet, r.address)));
      const comments = commentList ? commentList() : [];
      if (unknown.length > 0 || comments.length > 0) {
        const extra = unknown.length > 0 ? queueObserve(ctx, unknown, this.support) : null;
        const locate = comments.length > 0 ? queueCommentLocations(comments) : null;
        await ctx.sync();
        if (extra) {
          const more = extra();
          obs = {
            cells: new Map([...obs.cells, ...more.cells]),
            protectedSheets: [...new Set([...obs.protectedSheets, ...more.protectedSheets])],
            missingSheets: [...new Set([...obs.missingSheets, ...more.missingSheets])],
          };
        }
        if (locate) {
          for (const [key, comment] of locate()) {
            const cell = obs.cells.get(key);
            if (cell) cell.comment = comment;
          }
        }
      }

      // Records of deleted sheets are dropped; flags on them are ignored.
      const missing = new Set(obs.missingSheets);
      const previous = loaded.state.flags.filter((r) => !missing.has(r.sheet));
      const wanted = flags.filter((f) => !missing.has(f.sheet));
      const touched = new Set([...previous, ...wanted].map((c) => c.sheet));
      const blocked = obs.protectedSheets.filter((s) => touched.has(s));
      if (blocked.length > 0) throw new HostError("sheet-protected", HOST_MESSAGES.protectedSheets(blocked));

      const plan = planFlags(previous, wanted, obs.cells, mode);
      await this.commitPlan(ctx, plan, previous, loaded.state.undo, loaded.exists);
    }, true);
  }

  /**
   * The write sync. A failed batch is not rolled back, so the order is chosen for a safe retry:
   * messages (all carry kensho's prefix), restores, the state record, and only then kensho's new
   * fills — a kensho colour never reaches the workbook before the original it replaces is recorded.
   * The live fill of every newly flagged cell is loaded first in the same batch; if it differs from
   * the original the plan recorded (a stale cache), one more sync corrects the record.
   */
  private async commitPlan(
    ctx: Excel.RequestContext,
    plan: FlagPlan,
    previous: FlagRecord[],
    undo: UndoRecord[],
    exists: boolean,
  ): Promise<Map<string, CommentInfo>> {
    const sheet = (name: string) => ctx.workbook.worksheets.getItem(name);
    const withPattern = this.hasPattern;
    const recorded = new Set(previous.map((r) => cellKey(r.sheet, r.address)));
    const checks = plan.records
      .filter((r) => !recorded.has(cellKey(r.sheet, r.address)))
      .map((r) => ({
        r,
        fill: sheet(r.sheet)
          .getRange(r.address)
          .format.fill.load(withPattern ? "color,pattern" : "color"),
      }));

    for (const d of plan.deleteMessages) {
      if (d.kind === "note") sheet(d.sheet).notes.getItem(d.address).delete();
      else if (d.commentId) ctx.workbook.comments.getItem(d.commentId).delete();
    }
    const addedComments: Array<{ key: string; comment: Excel.Comment }> = [];
    for (const a of plan.apply) {
      const m = a.message;
      if (m.op === "add" && m.kind === "note") sheet(a.sheet).notes.add(a.address, m.text);
      if (m.op === "add" && m.kind === "comment") {
        const comment = ctx.workbook.comments.add(qualify(a.sheet, a.address), m.text);
        comment.load("id");
        addedComments.push({ key: cellKey(a.sheet, a.address), comment });
      }
      if (m.op === "update" && m.kind === "note") sheet(a.sheet).notes.getItem(a.address).content = m.text;
      if (m.op === "update" && m.kind === "comment" && m.commentId)
        ctx.workbook.comments.getItem(m.commentId).content = m.text;
    }
    for (const r of plan.restore) {
      const fill = sheet(r.sheet).getRange(r.address).format.fill;
      if (r.fill === null) {
        fill.clear();
      } else {
        fill.color = r.fill;
        if (r.pattern) fill.pattern = r.pattern as Excel.FillPattern;
      }
    }
    const next: KenshoState = { flags: plan.records, undo };
    queueStateWrite(ctx, next, exists);
    for (const a of plan.apply) sheet(a.sheet).getRange(a.address).format.fill.color = a.color;

    await this.syncOwnWrite(ctx, [...plan.restore, ...plan.apply], true);
    this.remember(next);

    let wrong = false;
    for (const { r, fill } of checks) {
      const live = observedFill(fill.color, withPattern ? fill.pattern : null);
      if (sameFill(live, r)) continue;
      r.fill = live.fill;
      r.pattern = live.pattern;
      wrong = true;
    }
    if (wrong) {
      queueStateWrite(ctx, next, true);
      await ctx.sync();
    }
    return new Map(addedComments.map(({ key, comment }) => [key, { id: comment.id, kensho: true }]));
  }

  /** Keeps the cache true to the workbook after kensho's own write. */
  private updateCache(cache: ReadCache, plan: FlagPlan, added: Map<string, CommentInfo>): void {
    for (const r of plan.restore)
      setCachedFill(cache, r.sheet, r.address, { fill: r.fill, pattern: r.pattern });
    // A painted cell's fill is kensho's, never an original: unknown to the cache.
    for (const a of plan.apply) setCachedFill(cache, a.sheet, a.address, undefined);
    for (const d of plan.deleteMessages) {
      const key = cellKey(d.sheet, d.address);
      if (d.kind === "note") cache.notes.delete(key);
      else cache.comments.delete(key);
    }
    for (const a of plan.apply)
      if (a.message.op === "add" && a.message.kind === "note")
        cache.notes.set(cellKey(a.sheet, a.address), "kensho");
    for (const [key, info] of added) cache.comments.set(key, info);
  }

  async writeValues(edits: CellEdit[]): Promise<void> {
    if (edits.length === 0) return;
    await this.guard(async (ctx) => {
      const stateRead = queueStateRead(ctx);
      const before = edits.map((e) =>
        ctx.workbook.worksheets.getItem(e.sheet).getRange(e.address).load("formulas"),
      );
      await ctx.sync();
      const loaded = stateRead();
      const undo: UndoRecord[] = edits.map((e, i) => ({
        t: "undo",
        sheet: e.sheet,
        address: e.address,
        formula: before[i].formulas[0][0],
      }));
      edits.forEach((e) => {
        ctx.workbook.worksheets.getItem(e.sheet).getRange(e.address).values = [[e.value]];
      });
      const next: KenshoState = { flags: loaded.state.flags, undo };
      queueStateWrite(ctx, next, loaded.exists);
      await this.syncOwnWrite(ctx, edits);
      this.remember(next);
    }, true);
  }

  async undoLastEdit(): Promise<boolean> {
    if (!this.canUndo()) return false;
    return this.guard(async (ctx) => {
      const stateRead = queueStateRead(ctx);
      await ctx.sync();
      const loaded = stateRead();
      // The workbook's record wins over memory: another pane or a reload may have changed it.
      const undo = loaded.state.undo;
      if (undo.length === 0) {
        this.remember(loaded.state);
        return false;
      }
      for (const u of undo) {
        const range = ctx.workbook.worksheets.getItem(u.sheet).getRange(u.address);
        if (typeof u.formula === "string" && u.formula.startsWith("=")) range.formulas = [[u.formula]];
        else range.values = [[u.formula ?? ""]];
      }
      const next: KenshoState = { flags: loaded.state.flags, undo: [] };
      queueStateWrite(ctx, next, loaded.exists);
      await this.syncOwnWrite(ctx, undo);
      this.remember(next);
      return true;
    }, true);
  }

  /** Sends kensho's own write, with the change feed told to ignore the events it causes. */
  private async syncOwnWrite(
    ctx: Excel.RequestContext,
    cells: Array<{ sheet: string; address: string }>,
    formatOnly = false,
  ): Promise<void> {
    const end = this.feed.beginWrite(cells, formatOnly);
    try {
      await ctx.sync();
    } finally {
      end();
    }
  }

  canUndo(): boolean {
    return this.cached.undo.length > 0;
  }

  async addStatusDropdown(cells: CellLocation[]): Promise<void> {
    if (!this.support.dataValidation) {
      throw new HostError("api-unsupported", HOST_MESSAGES.dropdownNeedsApi(this.support.excelApi));
    }
    if (cells.length === 0) return;
    await this.guard(async (ctx) => {
      for (const c of cells) {
        const dv = ctx.workbook.worksheets.getItem(c.sheet).getRange(c.address).dataValidation;
        dv.clear();
        dv.rule = { list: { inCellDropDown: true, source: STATUS_WORDS.join(",") } };
      }
      await this.syncOwnWrite(ctx, cells, true);
    }, true);
  }

  async select(cell: CellLocation): Promise<void> {
    await this.guard(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(cell.sheet);
      ws.activate();
      ws.getRange(cell.address).select();
      await ctx.sync();
    });
  }

  loadSetting<T>(key: string): T | null {
    const v = this.office.context.document.settings.get(key);
    return v === undefined || v === null ? null : (v as T);
  }

  saveSetting(key: string, value: unknown): Promise<void> {
    const settings = this.office.context.document.settings;
    settings.set(key, value);
    return new Promise((resolve, reject) => {
      settings.saveAsync((result) => {
        if (result.status === "failed")
          reject(new HostError("unknown", result.error?.message ?? "settings.saveAsync failed"));
        else resolve();
      });
    });
  }

  /**
   * Subscribes `handler`. The Office handler is registered once for all subscribers. On ExcelApi
   * 1.9+ a registration waits one microtask: a readSheets called in the same tick carries it in its
   * first batch, so `const live = host.onCellsChanged(h); await host.readSheets(); await live;`
   * costs no extra sync (edits before that batch are in the values it reads, edits after it are
   * reported). Otherwise it runs its own batch: 1 sync on 1.9+, 2 before (one handler per sheet).
   */
  async onCellsChanged(handler: (changes: CellChange[]) => void): Promise<() => Promise<void>> {
    if (!this.support.onChanged) {
      throw new HostError("api-unsupported", HOST_MESSAGES.liveNeedsApi(this.support.excelApi));
    }
    const unsubscribe = this.feed.subscribe(handler);
    try {
      await this.ensureRegistered();
    } catch (err) {
      unsubscribe();
      throw err;
    }
    return async () => {
      unsubscribe();
      if (this.feed.subscribed) return;
      await this.registering?.catch(() => undefined);
      if (!this.feed.subscribed && this.unregister) {
        const off = this.unregister;
        this.unregister = null;
        await off();
      }
    };
  }

  private get collectionEvents(): boolean {
    return apiAtLeast(this.support.excelApi, "1.9");
  }

  private ensureRegistered(): Promise<void> {
    if (this.unregister) return Promise.resolve();
    if (this.registering) return this.registering;
    let pending: PendingRegistration = { resolve: () => undefined, reject: () => undefined };
    const done = new Promise<void>((resolve, reject) => {
      pending = { resolve, reject };
    });
    const registering = done.finally(() => {
      if (this.registering === registering) this.registering = null;
    });
    this.registering = registering;
    const own = () => {
      this.registerOwn().then(pending.resolve, pending.reject);
    };
    if (this.collectionEvents) {
      this.pendingRegistration = pending;
      void Promise.resolve().then(() => {
        if (this.pendingRegistration !== pending) return; // a readSheets took it
        this.pendingRegistration = null;
        own();
      });
    } else {
      own();
    }
    return registering;
  }

  private eventHandler(names: Map<string, string>): (ev: Excel.WorksheetChangedEventArgs) => Promise<void> {
    return async (ev) => {
      let name = names.get(ev.worksheetId);
      if (name === undefined) name = await this.sheetNameById(ev.worksheetId, names);
      if (name !== undefined) this.feed.push(name, ev as RawChange);
    };
  }

  /** ExcelApi 1.9+: queues the one collection-level handler into whatever batch goes out next. */
  private queueCollectionHandler(ctx: Excel.RequestContext): (sheets: SheetRef[]) => Remover {
    const names = new Map<string, string>();
    const result = ctx.workbook.worksheets.onChanged.add(this.eventHandler(names));
    return (sheets) => {
      for (const s of sheets) names.set(s.id, s.name);
      return removerOf([result]);
    };
  }

  /** A registration in its own batch: 1 sync on 1.9+, else 2 (the per-sheet handlers need the list). */
  private async registerOwn(): Promise<void> {
    this.unregister = await this.guard(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/id");
      if (this.collectionEvents) {
        const finish = this.queueCollectionHandler(ctx);
        await ctx.sync();
        return finish(sheets.items.map((s) => ({ name: s.name, id: s.id })));
      }
      await ctx.sync();
      const onEvent = this.eventHandler(new Map(sheets.items.map((s) => [s.id, s.name])));
      const results = sheets.items.map((ws) => ws.onChanged.add(onEvent));
      await ctx.sync();
      return removerOf(results);
    });
  }

  /** A sheet added after registration: resolve its name once and remember it. */
  private async sheetNameById(id: string, names: Map<string, string>): Promise<string | undefined> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/id");
      await ctx.sync();
      for (const s of sheets.items) names.set(s.id, s.name);
      return names.get(id);
    });
  }
}

function removerOf(results: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[]): Remover {
  return async () => {
    for (const r of results) r.remove();
    await results[0]?.context.sync();
  };
}

/** The pane's entry point: detects support from the live Office and loads kensho's state. */
export async function createOfficeWorkbookHost(opts: OfficeHostOptions = {}): Promise<OfficeWorkbookHost> {
  const host = new OfficeWorkbookHost({
    ...opts,
    run: opts.run ?? ((batch) => Excel.run(batch)),
    office: opts.office ?? (Office as unknown as OfficeLike),
  });
  await host.init();
  return host;
}
