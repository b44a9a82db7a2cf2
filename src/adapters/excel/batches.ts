// Every batch kensho sends goes through here: with delayForCellEdit, so a batch that meets a person
// typing in a cell waits instead of failing, and, where it helps, as one undo group per action.
//
// Grouping (RunOptions.mergeUndoGroup, ExcelApi 1.20: "all context.sync() calls in a single Excel.run
// are merged into one undo group") is asked for only where the host supports it, the loaded office.js
// knows the option (support.undoGrouping), and the run is a write of APIs the undo article does not
// list as unsupported. Worksheet.delete is on that list ("No" on every platform): a run that deletes
// a sheet is never grouped. When Excel still refuses a group — "If an API within the group doesn't
// offer undo support, the UndoNotSupported error is thrown" (excel-add-ins-undo-capabilities.md;
// office-js#6491 reports it for large formula writes the list does not name) — the run is tried once
// more ungrouped, and the pane says that Ctrl+Z now takes the action back in several steps.
/* global Excel */
import { officeErrorCode, toHostError } from "./errors";
import type { HostNote, HostSupport } from "./workbookHost";

/** Excel.run, the documented options overload: Excel.run(options, batch). */
export type ExcelRun = <T>(
  options: Excel.RunOptions,
  batch: (ctx: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

export interface RunKind {
  /**
   * false for a run that reads only, or that calls an API the undo article lists as not supporting
   * undo (Worksheet.delete): never grouped. Default true: a write of undoable APIs.
   */
  group?: boolean;
}

export class Batches {
  private notes: HostNote[] = [];

  constructor(
    private readonly excelRun: ExcelRun,
    private readonly support: HostSupport,
  ) {}

  private options(group: boolean): Excel.RunOptions {
    // excel-add-ins-delay-in-cell-edit.md: "When true, Excel queues the batch until the user exits
    // cell edit mode. When false, the batch fails immediately if the user is editing."
    return group && this.support.undoGrouping
      ? { delayForCellEdit: true, mergeUndoGroup: true }
      : { delayForCellEdit: true };
  }

  /**
   * Runs a batch; Office errors pass through untouched (for callers that inspect them). A grouped
   * run Excel refuses with UndoNotSupported runs again ungrouped: batches are written so that a
   * second run after a partial first one does the same (recordedEdit.ts, step ids).
   */
  async run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>, kind: RunKind = {}): Promise<T> {
    const grouped = this.options(kind.group ?? true);
    try {
      return await this.excelRun({ ...grouped }, batch);
    } catch (err) {
      if (!grouped.mergeUndoGroup || officeErrorCode(err) !== "UndoNotSupported") throw err;
      const result = await this.excelRun(this.options(false), batch);
      this.notes.push("ungrouped-retry");
      return result;
    }
  }

  /** Runs a batch, translating Office errors into HostError. */
  async guard<T>(batch: (ctx: Excel.RequestContext) => Promise<T>, kind: RunKind = {}): Promise<T> {
    try {
      return await this.run(batch, kind);
    } catch (err) {
      throw toHostError(err);
    }
  }

  /**
   * A run never grouped: it only reads, or it calls an API the undo article lists as not supporting
   * undo (Worksheet.delete), which a group would refuse with UndoNotSupported.
   */
  guardUngrouped<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.guard(batch, { group: false });
  }

  /** Notes gathered since the last call, oldest first. */
  takeNotes(): HostNote[] {
    const out = this.notes;
    this.notes = [];
    return out;
  }
}
