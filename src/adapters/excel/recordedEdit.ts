// One undoable pane edit: read the cells and the edit record (docs/edit-record.md), then change the
// cells and write the record in one batch. Normally 2 syncs, whatever the number of cells. The
// status writer (進捗状況を適用, drop-downs, 元に戻す) and the merge writer (提出ファイルを取り込む)
// share it, so every pane edit lands in the same record and 元に戻す takes any of them back alike.
//
// Steps earlier versions kept in the flag record (or on the legacy kensho_state sheet) are carried
// into the edit record with the first edit, through the same schema (core/edits/legacy.ts), and the
// flag record's copy is emptied in the same batch.
/* global Excel */

import { legacySteps, mergeEdits, type EditDocument, type EditStep } from "../../core/edits";
import { HOST_MESSAGES } from "../../i18n/excel";
import type { Batches } from "./batches";
import type { ChangeFeed } from "./changeFeed";
import type { EditState } from "./editState";
import { queueEditList, queueEditRead, queueEditWrite, type StoredEdits } from "./editStore";
import { officeErrorCode, toHostError } from "./errors";
import type { HostState } from "./hostState";
import { queueRecordRead, queueRecordWrite } from "./recordStore";
import { HostError, type CellLocation } from "./workbookHost";

export interface PlannedEdit {
  /** The edit record after this edit. */
  doc: EditDocument;
  cells: CellLocation[];
  /** Only formats (validation) change, never values: how the change feed tells people's edits apart. */
  formatOnly: boolean;
  /** Record before the cells change (an edit), or after (an undo). */
  recordFirst: boolean;
  apply(): void;
}

export interface EditDeps {
  batches: Batches;
  state: HostState;
  edits: EditState;
  feed: ChangeFeed;
}

/** Every step the workbook holds, oldest first: earlier versions' steps, then the edit record's. */
export function undoableSteps(state: HostState, edits: EditState): EditStep[] {
  return mergeEdits([{ steps: legacySteps(state.record.undo).steps }, edits.storage.doc]).steps;
}

/**
 * Runs one edit. The record's part is read by the id the host knows; if another pane removed it
 * meanwhile, the edit starts over from the part list, once. `edit` returns null to change nothing.
 */
export async function recordedEdit<R>(
  deps: EditDeps,
  read: (ctx: Excel.RequestContext) => R,
  edit: (ctx: Excel.RequestContext, read: R, doc: EditDocument) => Promise<PlannedEdit | null>,
): Promise<void> {
  const { batches, state, edits, feed } = deps;
  const attempt = (known: boolean) =>
    batches.run(async (ctx) => {
      const r = read(ctx);
      const stored = edits.storage;
      const loadEdits = known && stored.partIds.length > 0 ? queueEditRead(ctx, stored.partIds) : null;
      const list = loadEdits ? null : queueEditList(ctx);
      // The flag record is read only while it still holds steps of an earlier version.
      const carry = state.record.undo.length > 0;
      const flags = state.storage;
      const loadFlags =
        carry && known && (flags.partIds.length > 0 || flags.legacy)
          ? queueRecordRead(ctx, flags.partIds, flags.legacy)
          : null;
      await ctx.sync();
      let fresh: StoredEdits;
      if (loadEdits) {
        fresh = loadEdits();
      } else {
        const again = queueEditRead(ctx, list!());
        await ctx.sync();
        fresh = again();
      }
      edits.adopt(fresh);
      if (loadFlags) state.adopt(loadFlags());
      const movesSeen = edits.movesSeen;
      const flagMovesSeen = state.movesSeen;
      const done = await edit(ctx, r, { steps: undoableSteps(state, edits) });
      if (!done) return;
      if (!done.recordFirst) done.apply();
      const written = queueEditWrite(ctx, done.doc, edits.storage);
      const emptied = carry ? { flags: state.record.flags, undo: [] } : null;
      const flagWritten = emptied ? queueRecordWrite(ctx, emptied, state.storage) : null;
      if (done.recordFirst) done.apply();
      const end = feed.beginWrite(done.cells, done.formatOnly);
      try {
        await ctx.sync();
      } finally {
        end();
      }
      edits.written(done.doc, written(), movesSeen);
      if (emptied && flagWritten) state.written(emptied, flagWritten(), flagMovesSeen);
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

/** Refuses the edit, before anything is recorded, when a protected sheet would refuse its cells. */
export function assertWritable(refused: CellLocation[]): void {
  if (refused.length === 0) return;
  throw new HostError(
    "sheet-protected",
    HOST_MESSAGES.protectedSheets([...new Set(refused.map((c) => c.sheet))]),
  );
}

/** A cell's range by sheet and address (or the record's `cell`). */
export function cellRange(
  ctx: Excel.RequestContext,
  c: { sheet: string; address?: string; cell?: string },
): Excel.Range {
  return ctx.workbook.worksheets.getItem(c.sheet).getRange(c.address ?? c.cell);
}

/** A fresh, unguessable step id (crypto.getRandomValues: in every webview the pane runs in, and Node). */
export function newStepId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
