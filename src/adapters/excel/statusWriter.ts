// The pane's own edits, each undoable through 元に戻す: status words written (進捗状況を適用) and status
// drop-downs added. Every edit first checks that Excel will take it (protection), then records what
// the cells held and what kensho writes as one step of the edit record, in the same batch as the
// edit. 元に戻す restores a cell only while it still holds what kensho wrote (core/edits/restore.ts).
/* global Excel */

import { HOST_MESSAGES } from "../../i18n/excel";
import {
  STATUS_LIST_SOURCE,
  planRestore,
  type CurrentCell,
  type EditEntry,
  type EditStep,
  type ValidationState,
} from "../../core/edits";
import type { Batches } from "./batches";
import { queueContent, textEntry, writeContent, type ReadContent } from "./cellContent";
import type { ChangeFeed } from "./changeFeed";
import type { EditState } from "./editState";
import type { HostState } from "./hostState";
import {
  assertWritable,
  cellRange as range,
  newStepId,
  queueProtection,
  recordedEdit,
  undoableSteps,
  withStep,
  type EditDeps,
} from "./recordedEdit";
import {
  HostError,
  type CellEdit,
  type CellLocation,
  type HostSupport,
  type UndoOutcome,
} from "./workbookHost";

const VALIDATION_PROPS = "type,rule,ignoreBlanks,prompt,errorAlert";

const at = (e: { sheet: string; cell: string }): CellLocation => ({ sheet: e.sheet, address: e.cell });
const keyOf = (c: { sheet: string; address?: string; cell?: string }) => `${c.sheet}!${c.address ?? c.cell}`;

export class StatusWriter {
  private readonly deps: EditDeps;

  constructor(
    batches: Batches,
    private readonly state: HostState,
    private readonly edits: EditState,
    private readonly support: HostSupport,
    feed: ChangeFeed,
  ) {
    this.deps = { batches, state, edits, feed };
  }

  canUndo(): boolean {
    return undoableSteps(this.state, this.edits).length > 0;
  }

  async writeValues(writes: CellEdit[]): Promise<void> {
    if (writes.length === 0) return;
    const id = newStepId();
    await recordedEdit(
      this.deps,
      (ctx) => ({
        content: writes.map((e) => queueContent(range(ctx, e))),
        refused: queueProtection(ctx, writes, false),
      }),
      async (ctx, read, doc) => {
        assertWritable(read.refused());
        const before = read.content.map((r) => r());
        // A retry (UndoNotSupported, batches.ts) finds its own step already recorded: the cells
        // may hold kensho's words by now, so the step is never planned from them again.
        const step: EditStep = doc.steps.find((s) => s.id === id) ?? {
          id,
          action: "status",
          entries: writes.map((e, i) => ({
            kind: "value",
            sheet: e.sheet,
            cell: e.address,
            before: before[i].content,
            after: { type: "text", text: e.value },
          })),
        };
        this.edits.proof.remember(step);
        return {
          doc: doc.steps.includes(step) ? doc : withStep(doc, step),
          cells: writes,
          formatOnly: false,
          // The step is recorded before the cells change: a batch that fails halfway leaves
          // nothing changed that the record cannot put back.
          recordFirst: true,
          apply: () =>
            writes.forEach((e, i) => {
              range(ctx, e).values = [[textEntry(e.value, before[i].format)]];
            }),
        };
      },
    );
  }

  async addStatusDropdown(cells: CellLocation[]): Promise<void> {
    if (!this.support.dataValidation) {
      throw new HostError("api-unsupported", HOST_MESSAGES.dropdownNeedsApi(this.support.excelApi));
    }
    if (cells.length === 0) return;
    const id = newStepId();
    await recordedEdit(
      this.deps,
      (ctx) => ({
        validation: cells.map((c) => range(ctx, c).dataValidation.load(VALIDATION_PROPS)),
        refused: queueProtection(ctx, cells, true),
      }),
      async (ctx, read, doc) => {
        assertWritable(read.refused());
        const step: EditStep = doc.steps.find((s) => s.id === id) ?? {
          id,
          action: "dropdown",
          entries: cells.map((c, i) => ({
            kind: "validation",
            sheet: c.sheet,
            cell: c.address,
            before: validationOf(read.validation[i]),
          })),
        };
        this.edits.proof.remember(step);
        return {
          doc: doc.steps.includes(step) ? doc : withStep(doc, step),
          cells,
          formatOnly: true,
          recordFirst: true,
          apply: () => {
            for (const c of cells) {
              const dv = range(ctx, c).dataValidation;
              dv.clear();
              dv.rule = { list: { inCellDropDown: true, source: STATUS_LIST_SOURCE } };
            }
          },
        };
      },
    );
  }

  /**
   * Takes back the last step, cell by cell: a cell is restored only while it still holds what kensho
   * wrote; one holding its old content already (Ctrl+Z) needs nothing; any other is listed and left
   * alone, as is a formula or rule the record names but this session did not record.
   */
  async undoLastEdit(): Promise<UndoOutcome> {
    const outcome: UndoOutcome = { undone: false, restored: [], already: [], changed: [], unproven: [] };
    if (!this.canUndo()) return outcome;
    await recordedEdit(
      this.deps,
      // What the last step (as memory knows it) names, read now: content and format, or validation.
      (ctx) => {
        const steps = undoableSteps(this.state, this.edits);
        return this.queueCurrent(ctx, steps[steps.length - 1]?.entries ?? []);
      },
      async (ctx, reads, doc) => {
        // The workbook's record wins over memory: another pane or a reload may have changed it.
        const step = doc.steps[doc.steps.length - 1];
        if (!step) return null;
        const missing = step.entries.filter((e) => !reads.has(keyOf(e)));
        if (missing.length > 0) {
          for (const [k, v] of this.queueCurrent(ctx, missing)) reads.set(k, v);
          await ctx.sync();
        }
        const current = (e: EditEntry): CurrentCell | null => reads.get(keyOf(e))!.current();
        const plan = planRestore(step, current, this.edits.proof);
        assertWritable(plan.restore.filter((e) => reads.get(keyOf(e))!.refused()).map(at));
        outcome.undone = true;
        outcome.restored = plan.restore.map(at);
        outcome.already = plan.already.map(at);
        outcome.changed = plan.changed.map(at);
        outcome.unproven = plan.unproven.map(at);
        const values = plan.restore.filter((e) => e.kind === "value");
        return {
          doc: { steps: doc.steps.slice(0, -1) },
          cells: plan.restore.map(at),
          formatOnly: values.length === 0,
          // The step leaves the record only after the cells are back.
          recordFirst: false,
          apply: () => {
            for (const e of plan.restore) {
              const read = reads.get(keyOf(e))!;
              if (e.kind === "value") writeContent(range(ctx, e), e.before, read.format());
              else restoreValidation(range(ctx, e).dataValidation, e.before);
            }
          },
        };
      },
    );
    return outcome;
  }

  /** Queues each entry's current state, and what decides whether a protected sheet takes the write. */
  private queueCurrent(ctx: Excel.RequestContext, entries: EditEntry[]): Map<string, CurrentRead> {
    const valueCells = entries.filter((e) => e.kind === "value").map(at);
    const formatCells = entries.filter((e) => e.kind === "validation").map(at);
    const refusedValues = queueProtection(ctx, valueCells, false);
    const refusedFormats = queueProtection(ctx, formatCells, true);
    let refused: Set<string> | null = null;
    const isRefused = (e: EditEntry) =>
      (refused ??= new Set([...refusedValues(), ...refusedFormats()].map(keyOf))).has(keyOf(e));
    const out = new Map<string, CurrentRead>();
    for (const e of entries) {
      if (e.kind === "value") {
        const content = queueContent(range(ctx, e));
        let read: ReadContent | null = null;
        const once = () => (read ??= content());
        out.set(keyOf(e), {
          current: () => ({ content: once().content }),
          format: () => once().format,
          refused: () => isRefused(e),
        });
      } else {
        const dv = range(ctx, e).dataValidation.load(VALIDATION_PROPS);
        out.set(keyOf(e), {
          current: () => ({ validation: validationOf(dv) }),
          format: () => "General",
          refused: () => isRefused(e),
        });
      }
    }
    return out;
  }
}

interface CurrentRead {
  current(): CurrentCell;
  format(): string;
  refused(): boolean;
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
