// Writing flags: the plan (core/flags) executed through Office.js, and the record written in the
// same batch as the marks it describes.
/* global Excel */

import { HOST_MESSAGES } from "../../i18n/excel";
import {
  cellKey,
  mergeFlags,
  planFlags,
  sameFill,
  type CellFlag,
  type FlagPlan,
  type FlagRecord,
  type FlagRecordDocument,
  type MessageKind,
  type ObservedCell,
} from "../../core/flags";
import { qualify } from "./a1";
import type { Batches } from "./batches";
import type { ChangeFeed } from "./changeFeed";
import {
  queueCommentList,
  queueCommentLocations,
  queueObserve,
  type CellRef,
  type Observation,
} from "./cellObserver";
import { isPayloadError, officeErrorCode, toHostError } from "./errors";
import { fillOf, fullFills, rangeFillProps, writeFill } from "./fillIo";
import type { HostState } from "./hostState";
import { cachedFill, setCachedFill, type CommentInfo, type ReadCache } from "./readCache";
import { LEGACY_STATE_SHEET, queuePartList, queueRecordRead, queueRecordWrite } from "./recordStore";
import { HostError, type HostSupport } from "./workbookHost";

/** Thrown inside the cached write path when it must give way to a fresh read. */
class UseFreshRead extends Error {}

export class FlagWriter {
  constructor(
    private readonly batches: Batches,
    private readonly state: HostState,
    private readonly support: HostSupport,
    private readonly feed: ChangeFeed,
  ) {}

  private get mode(): MessageKind {
    return this.support.notes ? "note" : this.support.comments ? "comment" : "none";
  }

  /**
   * Replaces all kensho flags. After a readSheets this is ONE sync: the record, original fills,
   * notes, comments and protection all come from that read's cache (see readCache.ts). Falls back:
   *  - cells flagged for the first time whose fill the cache does not hold (ExcelApi below 1.9, a
   *    sheet that was not read, a cell outside the used range): +1 read sync for just those cells;
   *  - no cached read at all (writeFlags before any readSheets, or after rows moved), or a cached
   *    sheet that is now protected: the fresh path, which reads first (2 syncs) and then writes;
   *  - a cached write that Excel refused for another reason (a note or comment appeared, a sheet
   *    was deleted or renamed since the read): dropped cache, then the fresh path, once.
   */
  async write(flags: CellFlag[]): Promise<void> {
    const cache = this.state.readCache;
    if (cache) {
      try {
        await this.writeCached(flags, cache);
        return;
      } catch (err) {
        if (err instanceof HostError) throw err;
        if (!(err instanceof UseFreshRead)) {
          const code = officeErrorCode(err);
          if (code === "AccessDenied" || code === "InvalidOperationInCellEditMode" || isPayloadError(err))
            throw toHostError(err);
        }
        // Otherwise the cache was stale: read afresh below.
      }
    }
    this.state.readCache = null;
    await this.writeFresh(flags);
  }

  private async writeCached(flags: CellFlag[], cache: ReadCache): Promise<void> {
    // Records of sheets deleted before the read are dropped, as in the fresh path.
    const previous = this.state.record.flags.filter((r) => cache.sheets.has(r.sheet));
    const recorded = new Set(previous.map((r) => cellKey(r.sheet, r.cell)));
    const touched = new Set([...previous.map((r) => r.sheet), ...flags.map((f) => f.sheet)]);
    if ([...touched].some((n) => cache.protectedSheets.has(n))) throw new UseFreshRead();
    const uncovered: CellRef[] = mergeFlags(flags).filter(
      (f) =>
        !recorded.has(cellKey(f.sheet, f.address)) &&
        cache.sheets.has(f.sheet) &&
        cachedFill(cache, f.sheet, f.address) === undefined,
    );
    const undo = this.state.record.undo;

    await this.batches.run(async (ctx) => {
      let seen: Observation | null = null;
      if (uncovered.length > 0) {
        // The extra read: below ExcelApi 1.9 (no getCellProperties) or for cells no read covered.
        const observe = queueObserve(ctx, uncovered, this.support, cache.sheets);
        await ctx.sync();
        seen = observe();
        const blocked = seen.protectedSheets.filter((n) => touched.has(n));
        if (blocked.length > 0)
          throw new HostError("sheet-protected", HOST_MESSAGES.protectedSheets(blocked));
      }
      const wanted = flags.filter((f) => cache.sheets.has(f.sheet));
      const cells = new Map<string, ObservedCell>();
      for (const c of [...previous.map((r) => ({ sheet: r.sheet, address: r.cell })), ...wanted]) {
        const key = cellKey(c.sheet, c.address);
        if (cells.has(key)) continue;
        const fresh = seen?.cells.get(key);
        cells.set(key, {
          fill: fresh ? fresh.fill : (cachedFill(cache, c.sheet, c.address) ?? null),
          note: fresh && this.support.notes ? fresh.note : (cache.notes.get(key) ?? "none"),
          comment: cache.comments.get(key) ?? null,
        });
      }
      const plan = planFlags(previous, wanted, cells, this.mode);
      const added = await this.commit(ctx, plan, previous, undo);
      this.updateCache(cache, plan, added);
    });
  }

  /** Without a cached read: list (1 sync), read what the plan needs (1 sync), then write. */
  private async writeFresh(flags: CellFlag[]): Promise<void> {
    await this.batches.guard(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/id");
      const partList = queuePartList(ctx);
      const commentList = this.support.comments ? queueCommentList(ctx) : null;
      await ctx.sync();
      this.state.sheetsListed(sheets.items.map((s) => ({ name: s.name, id: s.id })));
      const names = sheets.items.map((s) => s.name);
      const existing = new Set(names.filter((n) => n !== LEGACY_STATE_SHEET));
      const guessed: CellRef[] = [
        ...this.state.record.flags.map((r) => ({ sheet: r.sheet, address: r.cell })),
        ...flags,
      ];
      const observe = queueObserve(ctx, guessed, this.support, existing);
      const record = queueRecordRead(ctx, partList(), names.includes(LEGACY_STATE_SHEET));
      const comments = commentList ? commentList() : [];
      const locate = comments.length > 0 ? queueCommentLocations(comments) : null;
      await ctx.sync();
      this.state.adopt(record());
      let obs = observe();
      const located = locate ? locate() : new Map<string, CommentInfo>();

      // Records the memory did not know (another pane, a reopen): one more read for their cells.
      const known = new Set(guessed.map((c) => cellKey(c.sheet, c.address)));
      const unknown = this.state.record.flags
        .filter((r) => !known.has(cellKey(r.sheet, r.cell)))
        .map((r) => ({ sheet: r.sheet, address: r.cell }));
      if (unknown.length > 0) {
        const extra = queueObserve(ctx, unknown, this.support, existing);
        await ctx.sync();
        const more = extra();
        obs = {
          cells: new Map([...obs.cells, ...more.cells]),
          protectedSheets: [...new Set([...obs.protectedSheets, ...more.protectedSheets])],
          missingSheets: [...new Set([...obs.missingSheets, ...more.missingSheets])],
        };
      }
      for (const [key, comment] of located) {
        const cell = obs.cells.get(key);
        if (cell) cell.comment = comment;
      }

      // Records of deleted sheets are dropped; flags on them are ignored.
      const previous = this.state.record.flags.filter((r) => existing.has(r.sheet));
      const wanted = flags.filter((f) => existing.has(f.sheet));
      const touched = new Set([...previous.map((r) => r.sheet), ...wanted.map((f) => f.sheet)]);
      const blocked = obs.protectedSheets.filter((s) => touched.has(s));
      if (blocked.length > 0) throw new HostError("sheet-protected", HOST_MESSAGES.protectedSheets(blocked));

      const plan = planFlags(previous, wanted, obs.cells, this.mode);
      await this.commit(ctx, plan, previous, this.state.record.undo);
    });
  }

  /**
   * The write sync. A failed batch is not rolled back, so the order is chosen for a safe retry:
   * messages (all carry kensho's prefix), restores, the record, and only then kensho's new fills — a
   * kensho colour never reaches the workbook before the original it replaces is recorded. The live
   * fill of every newly flagged cell is loaded first in the same batch; if it differs from the
   * original the plan recorded (a stale cache), one more sync corrects the record.
   */
  private async commit(
    ctx: Excel.RequestContext,
    plan: FlagPlan,
    previous: FlagRecord[],
    undo: FlagRecordDocument["undo"],
  ): Promise<Map<string, CommentInfo>> {
    const sheet = (name: string) => ctx.workbook.worksheets.getItem(name);
    const full = fullFills(this.support);
    const recorded = new Set(previous.map((r) => cellKey(r.sheet, r.cell)));
    const checks = plan.records
      .filter((r) => !recorded.has(cellKey(r.sheet, r.cell)))
      .map((r) => ({
        r,
        fill: sheet(r.sheet).getRange(r.cell).format.fill.load(rangeFillProps(this.support)),
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
    for (const r of plan.restore) writeFill(sheet(r.sheet).getRange(r.address).format.fill, r.fill, full);
    const doc: FlagRecordDocument = { flags: plan.records, undo };
    const movesSeen = this.state.movesSeen;
    const stored = this.state.storage;
    const partId = queueRecordWrite(ctx, doc, stored);
    for (const a of plan.apply)
      if (a.fill) writeFill(sheet(a.sheet).getRange(a.address).format.fill, a.fill, full);

    const painted = plan.apply.filter((a) => a.fill);
    await this.syncOwnWrite(ctx, [...plan.restore, ...painted]);
    this.state.written(doc, partId(), movesSeen);

    let wrong = false;
    for (const { r, fill } of checks) {
      const live = fillOf(fill, full);
      if (sameFill(live, r.fill)) continue;
      r.fill = live;
      wrong = true;
    }
    if (wrong) {
      const corrected = queueRecordWrite(ctx, doc, this.state.storage);
      await ctx.sync();
      // Every move still pending came after the plan: all apply on top.
      this.state.written(doc, corrected(), 0);
    }
    return new Map(addedComments.map(({ key, comment }) => [key, { id: comment.id, kensho: true }]));
  }

  /** Sends kensho's own format write, with the change feed told to ignore the events it causes. */
  private async syncOwnWrite(
    ctx: Excel.RequestContext,
    cells: Array<{ sheet: string; address: string }>,
  ): Promise<void> {
    const end = this.feed.beginWrite(cells, true);
    try {
      await ctx.sync();
    } finally {
      end();
    }
  }

  /** Keeps the cache true to the workbook after kensho's own write. */
  private updateCache(cache: ReadCache, plan: FlagPlan, added: Map<string, CommentInfo>): void {
    for (const r of plan.restore) setCachedFill(cache, r.sheet, r.address, r.fill);
    // A painted cell's fill is kensho's, never an original: unknown to the cache.
    for (const a of plan.apply) if (a.fill) setCachedFill(cache, a.sheet, a.address, undefined);
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
}
