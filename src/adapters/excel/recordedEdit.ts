// One undoable pane edit: read the cells (and the flag record, as stored), then change the cells
// and write the record in one batch. Normally 2 syncs, whatever the number of cells. The status
// writer (進捗状況を適用, drop-downs, 元に戻す) and the merge writer (提出ファイルを取り込む) share it, so
// every pane edit lands in the same record and 元に戻す takes any of them back the same way.
/* global Excel */

import { MAX_UNDO_STEPS, type FlagRecordDocument, type UndoStep } from "../../core/flags";
import type { Batches } from "./batches";
import type { ChangeFeed } from "./changeFeed";
import { officeErrorCode, toHostError } from "./errors";
import type { HostState } from "./hostState";
import { queuePartList, queueRecordRead, queueRecordWrite, type StoredRecord } from "./recordStore";

export interface PlannedEdit {
  doc: FlagRecordDocument;
  cells: Array<{ sheet: string; address: string }>;
  /** Only formats (validation) change, never values: how the change feed tells people's edits apart. */
  formatOnly: boolean;
  /** Record before the cells change (an edit), or after (an undo). */
  recordFirst: boolean;
  apply(): void;
}

export interface EditDeps {
  batches: Batches;
  state: HostState;
  feed: ChangeFeed;
}

/**
 * Runs one edit. The record's part is read by the id the host knows; if another pane removed it
 * meanwhile, the edit starts over from the part list, once. `edit` returns null to change nothing.
 */
export async function recordedEdit<R>(
  deps: EditDeps,
  read: (ctx: Excel.RequestContext) => R,
  edit: (ctx: Excel.RequestContext, read: R, doc: FlagRecordDocument) => Promise<PlannedEdit | null>,
): Promise<void> {
  const { batches, state, feed } = deps;
  const attempt = (known: boolean) =>
    batches.run(async (ctx) => {
      const r = read(ctx);
      const stored = state.storage;
      const loadRecord =
        known && stored.partIds.length > 0 ? queueRecordRead(ctx, stored.partIds, stored.legacy) : null;
      const list = loadRecord ? null : queuePartList(ctx);
      await ctx.sync();
      let fresh: StoredRecord;
      if (loadRecord) {
        fresh = loadRecord();
      } else {
        const again = queueRecordRead(ctx, list!(), stored.legacy);
        await ctx.sync();
        fresh = again();
      }
      state.adopt(fresh);
      const movesSeen = state.movesSeen;
      const done = await edit(ctx, r, state.record);
      if (!done) return;
      if (!done.recordFirst) done.apply();
      const written = queueRecordWrite(ctx, done.doc, state.storage);
      if (done.recordFirst) done.apply();
      const end = feed.beginWrite(done.cells, done.formatOnly);
      try {
        await ctx.sync();
      } finally {
        end();
      }
      state.written(done.doc, written(), movesSeen);
    });
  try {
    try {
      await attempt(true);
    } catch (err) {
      if (officeErrorCode(err) !== "ItemNotFound") throw err;
      await attempt(false);
    }
  } catch (err) {
    throw toHostError(err);
  }
}

/** A cell's range by sheet and address (or the record's `cell`). */
export function cellRange(
  ctx: Excel.RequestContext,
  c: { sheet: string; address?: string; cell?: string },
): Excel.Range {
  return ctx.workbook.worksheets.getItem(c.sheet).getRange(c.address ?? c.cell);
}

/** The record with one more undo step; the oldest steps beyond the limit are forgotten. */
export function withStep(doc: FlagRecordDocument, step: UndoStep): FlagRecordDocument {
  return { flags: doc.flags, undo: [...doc.undo, step].slice(-MAX_UNDO_STEPS) };
}
