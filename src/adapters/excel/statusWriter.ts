// The pane's own edits, each undoable through 元に戻す: status words written (進捗状況を適用) and status
// drop-downs added. Every edit first records what the cells held (content, or data validation) as
// one undo step in the flag record, written in the same batch as the edit.
/* global Excel */

import { HOST_MESSAGES } from "../../i18n/excel";
import { STATUS_WORDS } from "../../core/model";
import type { UndoEntry, UndoStep, ValidationState } from "../../core/flags";
import type { Batches } from "./batches";
import { queueContent, textEntry, writeContent } from "./cellContent";
import type { ChangeFeed } from "./changeFeed";
import type { HostState } from "./hostState";
import { cellRange as range, recordedEdit, withStep } from "./recordedEdit";
import { HostError, type CellEdit, type CellLocation, type HostSupport } from "./workbookHost";

const VALIDATION_PROPS = "type,rule,ignoreBlanks,prompt,errorAlert";

export class StatusWriter {
  constructor(
    private readonly batches: Batches,
    private readonly state: HostState,
    private readonly support: HostSupport,
    private readonly feed: ChangeFeed,
  ) {}

  private withRecord<R>(
    read: (ctx: Excel.RequestContext) => R,
    edit: Parameters<typeof recordedEdit<R>>[2],
  ): Promise<void> {
    return recordedEdit({ batches: this.batches, state: this.state, feed: this.feed }, read, edit);
  }

  canUndo(): boolean {
    return this.state.record.undo.length > 0;
  }

  async writeValues(edits: CellEdit[]): Promise<void> {
    if (edits.length === 0) return;
    await this.withRecord(
      (ctx) => edits.map((e) => queueContent(range(ctx, e))),
      async (ctx, read, doc) => {
        const before = read.map((r) => r());
        const step: UndoStep = {
          action: "status",
          entries: edits.map((e, i) => ({
            kind: "value",
            sheet: e.sheet,
            cell: e.address,
            before: before[i].content,
          })),
        };
        return {
          doc: withStep(doc, step),
          cells: edits,
          formatOnly: false,
          // The undo step is recorded before the cells change: a batch that fails halfway leaves
          // nothing changed that the record cannot put back.
          recordFirst: true,
          apply: () =>
            edits.forEach((e, i) => {
              range(ctx, e).values = [[textEntry(e.value, before[i].format)]];
            }),
        };
      },
    );
  }

  async addStatusDropdown(cells: CellLocation[], levels: readonly string[] = STATUS_WORDS): Promise<void> {
    if (!this.support.dataValidation) {
      throw new HostError("api-unsupported", HOST_MESSAGES.dropdownNeedsApi(this.support.excelApi));
    }
    if (cells.length === 0) return;
    await this.withRecord(
      (ctx) => cells.map((c) => range(ctx, c).dataValidation.load(VALIDATION_PROPS)),
      async (ctx, dvs, doc) => {
        const step: UndoStep = {
          action: "dropdown",
          entries: cells.map((c, i) => ({
            kind: "validation",
            sheet: c.sheet,
            cell: c.address,
            before: validationOf(dvs[i]),
          })),
        };
        return {
          doc: withStep(doc, step),
          cells,
          formatOnly: true,
          recordFirst: true,
          apply: () => {
            for (const c of cells) {
              const dv = range(ctx, c).dataValidation;
              dv.clear();
              dv.rule = { list: { inCellDropDown: true, source: levels.join(",") } };
            }
          },
        };
      },
    );
  }

  async undoLastEdit(): Promise<boolean> {
    if (!this.canUndo()) return false;
    let undone = false;
    await this.withRecord(
      // The number formats of the cells the last step (as memory knows it) will write: they decide
      // how text goes back.
      (ctx) => {
        const step = this.state.record.undo[this.state.record.undo.length - 1];
        const cells = (step?.entries ?? []).filter((e) => e.kind === "value");
        return new Map(cells.map((e) => [`${e.sheet}!${e.cell}`, range(ctx, e).load("numberFormat")]));
      },
      async (ctx, formats, doc) => {
        // The workbook's record wins over memory: another pane or a reload may have changed it.
        const step = doc.undo[doc.undo.length - 1];
        if (!step) return null;
        const values = step.entries.filter(
          (e): e is Extract<UndoEntry, { kind: "value" }> => e.kind === "value",
        );
        const missing = values.filter((e) => !formats.has(`${e.sheet}!${e.cell}`));
        for (const e of missing) formats.set(`${e.sheet}!${e.cell}`, range(ctx, e).load("numberFormat"));
        if (missing.length > 0) await ctx.sync();
        undone = true;
        return {
          doc: { flags: doc.flags, undo: doc.undo.slice(0, -1) },
          cells: step.entries.map((e) => ({ sheet: e.sheet, address: e.cell })),
          formatOnly: values.length === 0,
          // The step leaves the record only after the cells are back.
          recordFirst: false,
          apply: () => {
            for (const e of values) {
              const format = String(formats.get(`${e.sheet}!${e.cell}`)!.numberFormat[0][0]);
              writeContent(range(ctx, e), e.before, format);
            }
            for (const e of step.entries)
              if (e.kind === "validation") restoreValidation(range(ctx, e).dataValidation, e.before);
          },
        };
      },
    );
    return undone;
  }
}

function validationOf(dv: Excel.DataValidation): ValidationState {
  return {
    type: dv.type,
    rule: dv.rule,
    ignoreBlanks: dv.ignoreBlanks,
    prompt: dv.prompt,
    errorAlert: dv.errorAlert,
  };
}

/** Puts a cell's data validation back as it was (none: cleared). */
function restoreValidation(dv: Excel.DataValidation, before: ValidationState): void {
  dv.clear();
  if (before.type === "None") return;
  // "No more than one of these properties may be present in any DataValidationRule object": a rule
  // read back may list the others as null.
  const rule = Object.fromEntries(
    Object.entries((before.rule ?? {}) as Record<string, unknown>).filter(
      ([, v]) => v !== null && v !== undefined,
    ),
  );
  dv.rule = rule as Excel.DataValidationRule;
  dv.ignoreBlanks = before.ignoreBlanks;
  if (before.prompt) dv.prompt = before.prompt as Excel.DataValidationPrompt;
  if (before.errorAlert) dv.errorAlert = before.errorAlert as Excel.DataValidationErrorAlert;
}
