// Writing kensho's marks (docs/flag-record.md): the wanted marks against the marks the workbook holds,
// read back from the workbook itself, and only the difference written (core/flags/marks.ts). A mark
// is a conditional format of kensho's own on the cell, on top of the sheet's formats, with a rule
// that always holds and names kensho: a cell's own fill is never touched, and wherever the cell
// moves the mark goes along, so no record of addresses is kept or needed.
//
// Office.js used (d.ts): ConditionalFormatCollection.add ("Adds a new conditional format to the
// collection at the first/top priority", ExcelApi 1.6); ConditionalFormat.stopIfTrue ("If the
// conditions of this conditional format are met, no lower-priority formats shall take effect on that
// cell"): with it a city's own formats (a colour scale too) cannot hide the mark, and they show again
// once it is cleared; CustomConditionalFormat.rule.formula and .format.fill.color;
// ConditionalFormatCollection.getItem(id) and ConditionalFormat.delete().
/* global Excel */

import {
  SEVERITY_COLOR,
  cellKey,
  splitMessage,
  isEmptyPlan,
  markFormula,
  planMarks,
  type CellFlag,
  type MarkMessage,
  type MessageOp,
  type PresentMark,
} from "../../core/flags";
import { HOST_MESSAGES } from "../../i18n/excel";
import { areaAddress, parseArea, qualify } from "./a1";
import type { Batches } from "./batches";
import type { ChangeFeed } from "./changeFeed";
import { isPayloadError, officeErrorCode, toHostError } from "./errors";
import type { HostState } from "./hostState";
import { queueLegacyFills, queueLegacyRestore } from "./legacyMarks";
import { queueFormatList, queueMarkAreas, type FoundMark } from "./markReader";
import { queueMessageList, queueMessageLocations, type MessageList } from "./messageReader";
import type { ReadCache } from "./readCache";
import {
  LEGACY_STATE_SHEET,
  queuePartList,
  queueRecordRead,
  queueRecordWrite,
  type StoredRecord,
} from "./recordStore";
import { HostError, type CellLocation, type HostSupport, type MarksWritten } from "./workbookHost";

/** How many refused threaded comments (a note this Excel cannot read) are worked around per write. */
const COMMENT_ATTEMPTS = 3;

/** Thrown inside the cached path when it must give way to a fresh read. */
class UseFreshRead extends Error {}

/**
 * Reading what marks need, riding on batches that are sent anyway: list (messages, record parts) in
 * the batch that lists the sheets; formats, message locations, protection and the record in the
 * next; then, only when kensho's formats or an earlier version's record were found, one more batch
 * for where the marks are and the recorded cells' fills.
 */
export class MarkRead {
  private messages: (() => MessageList) | null = null;
  private parts: (() => string[]) | null = null;
  private formats: (() => FoundMark[]) | null = null;
  private locations: (() => ReturnType<ReturnType<typeof queueMessageLocations>>) | null = null;
  private protection: Array<{ name: string; p: Excel.WorksheetProtection }> = [];
  private record: (() => StoredRecord) | null = null;
  private sheets: string[] = [];

  constructor(private readonly support: HostSupport) {}

  /** In the batch that lists the sheets. */
  queueList(ctx: Excel.RequestContext): void {
    this.messages = queueMessageList(ctx, this.support);
    this.parts = queuePartList(ctx);
  }

  /** In the next batch, with every sheet's name (the legacy state sheet among them or not). */
  queueCells(ctx: Excel.RequestContext, names: string[]): void {
    this.sheets = names.filter((n) => n !== LEGACY_STATE_SHEET);
    this.formats = queueFormatList(ctx, this.sheets);
    this.locations = queueMessageLocations(this.messages!());
    this.protection = this.sheets.map((name) => ({
      name,
      p: ctx.workbook.worksheets.getItem(name).protection.load("protected"),
    }));
    this.record = queueRecordRead(ctx, this.parts!(), names.includes(LEGACY_STATE_SHEET));
  }

  /**
   * After that batch. `adopt` makes the record current (with moves it cannot know applied) and
   * returns its flags, an earlier version's marks. One more sync only when there is something to locate.
   */
  async finish(ctx: Excel.RequestContext, adopt: (r: StoredRecord) => CellFlagRecord[]): Promise<ReadCache> {
    const found = this.formats!();
    const legacyFlags = adopt(this.record!());
    const sheets = new Set(this.sheets);
    const messages = this.locations!();
    const protectedSheets = new Set(this.protection.filter((x) => x.p.protected).map((x) => x.name));
    const painted = legacyFlags.filter((f) => f.painted && sheets.has(f.sheet));
    let marks: PresentMark[] = [];
    let legacy: ReadCache["legacy"] = null;
    if (found.length > 0 || painted.length > 0) {
      const areas = queueMarkAreas(found, this.support);
      const fills = painted.length > 0 ? queueLegacyFills(ctx, painted, sheets, this.support) : null;
      await ctx.sync();
      marks = areas();
      legacy = fills ? fills() : null;
    } else if (legacyFlags.length > 0) {
      legacy = { restore: [], left: [] };
    }
    return { sheets, protectedSheets, marks, messages, legacy };
  }
}

type CellFlagRecord = StoredRecord["doc"]["flags"][number];

/** Excel refused a threaded comment (a note it cannot show us is on the cell): write again without it. */
class RefusedComment extends Error {
  constructor(readonly cell: CellLocation | null) {
    super("comment refused");
  }
}

export class MarkWriter {
  constructor(
    private readonly batches: Batches,
    private readonly state: HostState,
    private readonly support: HostSupport,
    private readonly feed: ChangeFeed,
  ) {}

  private get mode(): MarkMessage {
    return this.support.notes ? "note" : this.support.comments ? "comment" : "none";
  }

  /**
   * After a read: one sync, or none when the workbook already holds exactly these marks. Without a
   * cached read (or when Excel refuses the write because the cache went stale): the fresh path reads
   * first, 2 syncs (+1 when marks or an earlier version's record exist), then writes.
   *
   * On ExcelApi 1.10–1.17 (threaded comments, no notes API) Excel refuses a comment on a cell that
   * holds a note, and the batch stops there. The comments then listed (2 syncs) show which cell
   * refused; it is remembered for the session, reported, and the write goes again from a fresh
   * read without it. After COMMENT_ATTEMPTS such cells, no new comment is tried in this write.
   */
  async write(flags: CellFlag[]): Promise<MarksWritten> {
    const refused: CellLocation[] = [];
    const skipAll = new Set<string>();
    for (let attempt = 0; ; attempt++) {
      try {
        const report = await this.writeOnce(flags, attempt === 0, skipAll);
        for (const c of refused)
          if (!report.skipped.some((s) => cellKey(s.sheet, s.address) === cellKey(c.sheet, c.address)))
            report.skipped.push(c);
        return report;
      } catch (err) {
        if (!(err instanceof RefusedComment)) throw err;
        this.state.readCache = null;
        if (err.cell) refused.push(err.cell);
        if (attempt + 1 >= COMMENT_ATTEMPTS || !err.cell) skipAll.add("*");
      }
    }
  }

  private async writeOnce(flags: CellFlag[], useCache: boolean, skipAll: Set<string>): Promise<MarksWritten> {
    const cache = useCache ? this.state.readCache : null;
    if (cache) {
      try {
        return await this.batches.run((ctx) => this.commit(ctx, flags, cache, true, skipAll));
      } catch (err) {
        if (err instanceof HostError || err instanceof RefusedComment) throw err;
        if (!(err instanceof UseFreshRead)) {
          const code = officeErrorCode(err);
          if (code === "AccessDenied" || code === "InvalidOperationInCellEditMode" || isPayloadError(err))
            throw toHostError(err);
        }
      }
    }
    this.state.readCache = null;
    try {
      return await this.batches.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load("items/name,items/id");
        const read = new MarkRead(this.support);
        read.queueList(ctx);
        await ctx.sync();
        this.state.sheetsListed(sheets.items.map((s) => ({ name: s.name, id: s.id })));
        read.queueCells(
          ctx,
          sheets.items.map((s) => s.name),
        );
        await ctx.sync();
        const fresh = await read.finish(ctx, (r) => this.adopt(r));
        this.state.readCache = fresh;
        return this.commit(ctx, flags, fresh, false, skipAll);
      });
    } catch (err) {
      if (err instanceof HostError || err instanceof RefusedComment) throw err;
      throw toHostError(err);
    }
  }

  /** The record read becomes current; its flags are an earlier version's marks. */
  adopt(record: StoredRecord): CellFlagRecord[] {
    this.state.adopt(record);
    return this.state.record.flags;
  }

  /** Plans against the cache and writes the difference: one sync, none when there is none. */
  private async commit(
    ctx: Excel.RequestContext,
    flags: CellFlag[],
    cache: ReadCache,
    cached: boolean,
    skipAll: Set<string>,
  ): Promise<MarksWritten> {
    const hiddenNotes = new Set(this.state.hiddenNotes);
    // Out of attempts: no new threaded comment in this write (kensho's messages stay in the pane).
    const noNewComments = skipAll.has("*") && this.mode === "comment";
    if (noNewComments) for (const f of flags) hiddenNotes.add(cellKey(f.sheet, f.address));
    const plan = planMarks({
      flags: flags.filter((f) => cache.sheets.has(f.sheet)),
      marks: cache.marks,
      messages: cache.messages,
      mode: this.mode,
      hiddenNotes,
    });
    const legacy = cache.legacy;
    const report: MarksWritten = {
      wrote: false,
      skipped: plan.skipped
        .filter((c) => !noNewComments || this.state.hiddenNotes.has(cellKey(c.sheet, c.address)))
        .map(({ sheet, address }) => ({ sheet, address })),
      unreachableNotes: plan.unreachableNotes,
      legacyRestored: legacy?.restore.length ?? 0,
      legacyLeft: (legacy?.left ?? []).map((l) => ({ sheet: l.sheet, address: l.cell })),
    };
    if (isEmptyPlan(plan) && legacy === null) {
      this.state.marksPresent = cache.marks.length > 0 || hasKenshoText(cache);
      return report;
    }
    const touched = new Set([
      ...plan.deleteMarks.map((m) => m.sheet),
      ...plan.addMarks.map((m) => m.sheet),
      ...plan.messages.map((m) => m.sheet),
      ...(legacy?.restore ?? []).map((r) => r.sheet),
    ]);
    const blocked = [...touched].filter((n) => cache.protectedSheets.has(n));
    if (blocked.length > 0) {
      if (cached) throw new UseFreshRead(); // perhaps unprotected since: read again
      throw new HostError("sheet-protected", HOST_MESSAGES.protectedSheets(blocked));
    }

    const formats = (sheet: string) => ctx.workbook.worksheets.getItem(sheet).getRange().conditionalFormats;
    for (const m of plan.deleteMarks) formats(m.sheet).getItem(m.id).delete();
    const added = plan.addMarks.map((m) => {
      const cf = ctx.workbook.worksheets
        .getItem(m.sheet)
        .getRange(m.address)
        .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      cf.custom.rule.formula = markFormula(m.kind);
      cf.custom.format.fill.color = SEVERITY_COLOR[m.kind.severity];
      cf.stopIfTrue = true;
      cf.load("id");
      return { m, cf };
    });
    let recordPart: (() => string) | null = null;
    if (legacy) {
      queueLegacyRestore(ctx, legacy, this.support);
      // The record keeps its undo steps; an earlier version's flags are done with.
      recordPart = queueRecordWrite(ctx, { flags: [], undo: this.state.record.undo }, this.state.storage);
    }
    // New threaded comments go last: where Excel refuses one, everything before it is written.
    const ordered = [
      ...plan.messages.filter((op) => !isCommentAdd(op)),
      ...plan.messages.filter(isCommentAdd),
    ];
    const addedComments: Array<{ op: MessageOp; c: Excel.Comment }> = [];
    for (const op of ordered) this.queueMessage(ctx, op, addedComments);
    const cells: CellLocation[] = [
      ...plan.deleteMarks.flatMap((m) =>
        (m.areas ?? []).map((a) => ({ sheet: m.sheet, address: areaAddress(a) })),
      ),
      ...plan.addMarks,
      ...plan.messages,
      ...(legacy?.restore ?? []).map((r) => ({ sheet: r.sheet, address: r.cell })),
    ];
    const movesSeen = this.state.movesSeen;
    try {
      await this.syncOwnWrite(ctx, cells);
    } catch (err) {
      const code = officeErrorCode(err);
      const busy =
        code === "AccessDenied" || code === "InvalidOperationInCellEditMode" || isPayloadError(err);
      if (this.mode === "comment" && !busy && plan.messages.some(isCommentAdd))
        throw new RefusedComment(await this.refusedAt(ctx, plan.messages.filter(isCommentAdd)));
      throw err;
    }
    if (recordPart) this.state.written({ flags: [], undo: this.state.record.undo }, recordPart(), movesSeen);

    // The cache follows what was written, so the next write compares against the truth.
    const deleted = new Set(plan.deleteMarks.map((m) => m.id));
    cache.marks = [
      ...cache.marks.filter((m) => !deleted.has(m.id)),
      ...added.map(({ m, cf }) => ({
        id: cf.id,
        sheet: m.sheet,
        kind: m.kind,
        areas: [parseArea(m.address)!],
      })),
    ];
    applyToMessages(cache, plan.messages, addedComments);
    cache.legacy = null;
    report.wrote = true;
    this.state.marksPresent = cache.marks.length > 0 || hasKenshoText(cache);
    return report;
  }

  /**
   * After Excel refused the write: the comments listed now show which of kensho's new ones went in
   * (everything before the refused one did); the first that did not is where a note is. Remembered.
   */
  private async refusedAt(ctx: Excel.RequestContext, adds: MessageOp[]): Promise<CellLocation | null> {
    const list = queueMessageList(ctx, this.support);
    await ctx.sync();
    const locate = queueMessageLocations(list());
    await ctx.sync();
    const there = new Set(
      locate()
        .filter((m) => m.kind === "comment")
        .map((m) => cellKey(m.sheet, m.address)),
    );
    const refused = adds.find((op) => !there.has(cellKey(op.sheet, op.address)));
    if (!refused) return null;
    this.state.hiddenNotes.add(cellKey(refused.sheet, refused.address));
    return { sheet: refused.sheet, address: refused.address };
  }

  private queueMessage(
    ctx: Excel.RequestContext,
    op: MessageOp,
    addedComments: Array<{ op: MessageOp; c: Excel.Comment }>,
  ): void {
    const notes = () => ctx.workbook.worksheets.getItem(op.sheet).notes;
    if (op.kind === "note") {
      if (op.op === "add") notes().add(op.address, op.text);
      else if (op.op === "set") notes().getItem(op.address).content = op.text;
      else notes().getItem(op.address).delete();
      return;
    }
    if (op.op === "add") {
      const c = ctx.workbook.comments.add(qualify(op.sheet, op.address), op.text);
      c.load("id");
      addedComments.push({ op, c });
    } else if (op.op === "set" && op.commentId) ctx.workbook.comments.getItem(op.commentId).content = op.text;
    else if (op.op === "delete" && op.commentId) ctx.workbook.comments.getItem(op.commentId).delete();
  }

  /** Sends kensho's own write, with the change feed told to ignore the events it causes. */
  private async syncOwnWrite(ctx: Excel.RequestContext, cells: CellLocation[]): Promise<void> {
    const end = this.feed.beginWrite(cells, true);
    try {
      await ctx.sync();
    } finally {
      end();
    }
  }
}

function isCommentAdd(op: MessageOp): boolean {
  return op.op === "add" && op.kind === "comment";
}

/** Whether any note or comment the cache knows holds kensho's part. */
function hasKenshoText(cache: ReadCache): boolean {
  return cache.messages.some((m) => splitMessage(m.content).kensho !== null);
}

/** The cache's notes and comments after these operations ran. */
function applyToMessages(
  cache: ReadCache,
  ops: MessageOp[],
  added: Array<{ op: MessageOp; c: Excel.Comment }>,
): void {
  const key = (m: { sheet: string; address: string; kind: string }) =>
    `${cellKey(m.sheet, m.address)}\u0000${m.kind}`;
  const byKey = new Map(cache.messages.map((m) => [key(m), m]));
  for (const op of ops) {
    const k = key(op);
    if (op.op === "delete") byKey.delete(k);
    else if (op.op === "set") {
      const m = byKey.get(k);
      if (m) byKey.set(k, { ...m, content: op.text });
    } else {
      const c = added.find((a) => a.op === op)?.c;
      byKey.set(k, {
        sheet: op.sheet,
        address: op.address,
        kind: op.kind,
        content: op.text,
        commentId: c?.id,
      });
    }
  }
  cache.messages = [...byKey.values()];
}
