// 提出ファイルを取り込む's write: the departments' entry values, in one batch after one read of the
// target cells. The read tells formulas apart (never overwritten, as the CLI's merge) and gives each
// cell's content and number format: the content is recorded for 元に戻す, the format decides how
// text goes in verbatim (an apostrophe unless the cell is formatted as Text; cellContent.ts).
/* global Excel */

import { withStep, type CellContent, type EditStep } from "../../core/edits";
import { queueContent, textEntry, type ReadContent } from "./cellContent";
import { queueProtection } from "./protectionCheck";
import { assertWritable, cellRange, newStepId, recordedEdit, type EditDeps } from "./recordedEdit";
import type { CellLocation, MergeEdit, MergeValue, MergeWriteResult } from "./workbookHost";

/** Queues one value: numbers as numbers, text verbatim, blank as an emptied cell (values only). */
function writeValue(range: Excel.Range, value: MergeValue, format: string): void {
  switch (value.kind) {
    case "number":
      range.values = [[value.value]];
      return;
    case "text":
      range.values = [[textEntry(value.value, format)]];
      return;
    case "blank":
      range.values = [[""]];
  }
}

const keyOf = (c: CellLocation) => `${c.sheet}!${c.address}`;

/** What the cell holds once the value is in: what 元に戻す compares before restoring. */
function written(value: MergeValue): CellContent {
  switch (value.kind) {
    case "number":
      return { type: "number", number: value.value };
    case "text":
      return value.value === "" ? { type: "empty" } : { type: "text", text: value.value };
    case "blank":
      return { type: "empty" };
  }
}

export class MergeWriter {
  constructor(private readonly deps: EditDeps) {}

  async write(edits: MergeEdit[]): Promise<MergeWriteResult> {
    // One entry per cell: a second write of a cell would record its first write as "before".
    const seen = new Set<string>();
    const unique = edits.filter((e) => !seen.has(keyOf(e)) && seen.add(keyOf(e)));
    const result: MergeWriteResult = { written: [], formulaCells: [] };
    if (unique.length === 0) return result;
    const id = newStepId();
    await recordedEdit(
      this.deps,
      (ctx) => ({
        content: unique.map((e) => queueContent(cellRange(ctx, e))),
        refused: queueProtection(ctx, unique, false),
      }),
      async (ctx, read, doc) => {
        const cells: Array<{ edit: MergeEdit; before: ReadContent }> = [];
        const formulaCells: CellLocation[] = [];
        unique.forEach((edit, i) => {
          const before = read.content[i]();
          const where = { sheet: edit.sheet, address: edit.address };
          if (before.content.type === "formula") formulaCells.push(where);
          else cells.push({ edit, before });
        });
        result.formulaCells = formulaCells;
        if (cells.length === 0) return null;
        const refused = new Set(read.refused().map(keyOf));
        assertWritable(cells.map(({ edit }) => edit).filter((e) => refused.has(keyOf(e))));
        // A retry (UndoNotSupported, batches.ts) finds its own step recorded: never planned again
        // from cells that may hold the merged values by now.
        const step: EditStep = doc.steps.find((s) => s.id === id) ?? {
          id,
          action: "merge",
          entries: cells.map(({ edit, before }) => ({
            kind: "value",
            sheet: edit.sheet,
            cell: edit.address,
            before: before.content,
            after: written(edit.value),
          })),
        };
        this.deps.edits.proof.remember(step);
        const writtenCells = cells.map(({ edit }) => ({ sheet: edit.sheet, address: edit.address }));
        return {
          doc: doc.steps.includes(step) ? doc : withStep(doc, step),
          cells: writtenCells,
          formatOnly: false,
          // As every edit: the record first, so a batch failing halfway leaves nothing unrecorded.
          recordFirst: true,
          apply: () => {
            for (const { edit, before } of cells) writeValue(cellRange(ctx, edit), edit.value, before.format);
            result.written = writtenCells;
          },
        };
      },
    );
    return result;
  }
}
