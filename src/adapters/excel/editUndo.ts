// The pane's 元に戻す: the last step of the edit record taken back cell by cell
// (core/edits/restore.ts). A cell is restored only while it still holds what kensho wrote; one that
// holds its old content already (Excel's Ctrl+Z) needs nothing; any other is listed and left alone, as
// is a formula or validation rule the record names but this session did not record. Protection is
// checked before anything is written; the step is kept when Excel would refuse it.
/* global Excel */

import { planRestore, type CurrentCell, type EditEntry } from "../../core/edits";
import { queueContent, writeContent, type ReadContent } from "./cellContent";
import { queueProtection } from "./protectionCheck";
import {
  assertWritable,
  cellRange as range,
  recordedEdit,
  undoableSteps,
  type EditDeps,
} from "./recordedEdit";
import { VALIDATION_PROPS, restoreValidation, validationOf } from "./validationIo";
import type { CellLocation, UndoOutcome } from "./workbookHost";

const at = (e: { sheet: string; cell: string }): CellLocation => ({ sheet: e.sheet, address: e.cell });
const keyOf = (c: { sheet: string; address?: string; cell?: string }) => `${c.sheet}!${c.address ?? c.cell}`;

export class EditUndo {
  constructor(private readonly deps: EditDeps) {}

  canUndo(): boolean {
    return undoableSteps(this.deps.state, this.deps.edits).length > 0;
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
        const steps = undoableSteps(this.deps.state, this.deps.edits);
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
        const plan = planRestore(step, current, this.deps.edits.proof);
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
