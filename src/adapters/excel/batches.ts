// Every batch kensho sends goes through here: with delayForCellEdit, so a batch that meets a person
// typing in a cell waits instead of failing, and (ExcelApi 1.20) as one undo group per action.
/* global Excel */
import { toHostError } from "./errors";
import { apiAtLeast } from "./support";
import type { HostSupport } from "./workbookHost";

/** Excel.run, the documented options overload: Excel.run(options, batch). */
export type ExcelRun = <T>(
  options: Excel.RunOptions,
  batch: (ctx: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

export class Batches {
  private readonly options: Excel.RunOptions;

  constructor(
    private readonly excelRun: ExcelRun,
    support: HostSupport,
  ) {
    // excel-add-ins-delay-in-cell-edit.md: "When true, the batch request is delayed and runs when
    // the user exits cell edit mode. When false, the batch request automatically fails".
    // RunOptions.mergeUndoGroup (ExcelApi 1.20): "all context.sync() calls in a single Excel.run are
    // merged into one undo group", so Ctrl+Z takes back a kensho action whole (marks and record).
    this.options =
      apiAtLeast(support.excelApi, "1.20") && support.undo
        ? { delayForCellEdit: true, mergeUndoGroup: true }
        : { delayForCellEdit: true };
  }

  /** Runs a batch; Office errors pass through untouched (for callers that inspect them). */
  run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.excelRun({ ...this.options }, batch);
  }

  /** Runs a batch, translating Office errors into HostError. */
  async guard<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(batch);
    } catch (err) {
      throw toHostError(err);
    }
  }
}
