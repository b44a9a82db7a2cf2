// The pane's own edits, each undoable through 元に戻す (editUndo.ts): status words written (進捗状況を
// 適用) and status drop-downs added. Every edit first checks that Excel will take it (protection),
// then records what the cells held and what kensho writes as one step of the edit record, in the
// same batch as the edit.

import { HOST_MESSAGES } from "../../i18n/excel";
import { STATUS_LIST_SOURCE, withStep, type EditStep } from "../../core/edits";
import { STATUS_WORDS } from "../../core/model";
import type { Batches } from "./batches";
import { queueContent, textEntry } from "./cellContent";
import type { ChangeFeed } from "./changeFeed";
import type { EditState } from "./editState";
import type { HostState } from "./hostState";
import { queueProtection } from "./protectionCheck";
import { assertWritable, cellRange as range, newStepId, recordedEdit, type EditDeps } from "./recordedEdit";
import { VALIDATION_PROPS, validationOf } from "./validationIo";
import { HostError, type CellEdit, type CellLocation, type HostSupport } from "./workbookHost";

export class StatusWriter {
  private readonly deps: EditDeps;

  constructor(
    batches: Batches,
    state: HostState,
    private readonly edits: EditState,
    private readonly support: HostSupport,
    feed: ChangeFeed,
  ) {
    this.deps = { batches, state, edits, feed };
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

  async addStatusDropdown(cells: CellLocation[], levels: readonly string[] = STATUS_WORDS): Promise<void> {
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
              // 伊勢崎's three words by default; a city scale's levels when its sheet is read on them.
              const source = levels === STATUS_WORDS ? STATUS_LIST_SOURCE : levels.join(",");
              dv.rule = { list: { inCellDropDown: true, source } };
            }
          },
        };
      },
    );
  }
}
