// 提出ファイルを取り込む's write: the departments' entry values, in one batch after one read of the
// target cells. The read tells formulas apart (never overwritten, as the CLI's merge) and gives each
// cell's content and number format: the content is recorded for 元に戻す, the format decides how
// text goes in verbatim (an apostrophe unless the cell is formatted as Text; cellContent.ts).
/* global Excel */

import type { UndoStep } from "../../core/flags";
import { queueContent, textEntry, type ReadContent } from "./cellContent";
import { cellRange, recordedEdit, withStep, type EditDeps } from "./recordedEdit";
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

export class MergeWriter {
  constructor(private readonly deps: EditDeps) {}

  async write(edits: MergeEdit[]): Promise<MergeWriteResult> {
    // One entry per cell: a second write of a cell would record its first write as "before".
    const seen = new Set<string>();
    const unique = edits.filter((e) => !seen.has(keyOf(e)) && seen.add(keyOf(e)));
    const result: MergeWriteResult = { written: [], formulaCells: [] };
    if (unique.length === 0) return result;
    await recordedEdit(
      this.deps,
      (ctx) => unique.map((e) => queueContent(cellRange(ctx, e))),
      async (ctx, read, doc) => {
        const cells: Array<{ edit: MergeEdit; before: ReadContent }> = [];
        const formulaCells: CellLocation[] = [];
        unique.forEach((edit, i) => {
          const before = read[i]();
          const where = { sheet: edit.sheet, address: edit.address };
          if (before.content.type === "formula") formulaCells.push(where);
          else cells.push({ edit, before });
        });
        result.formulaCells = formulaCells;
        if (cells.length === 0) return null;
        const step: UndoStep = {
          action: "merge",
          entries: cells.map(({ edit, before }) => ({
            kind: "value",
            sheet: edit.sheet,
            cell: edit.address,
            before: before.content,
          })),
        };
        const written = cells.map(({ edit }) => ({ sheet: edit.sheet, address: edit.address }));
        return {
          doc: withStep(doc, step),
          cells: written,
          formatOnly: false,
          // As every edit: the record first, so a batch failing halfway leaves nothing unrecorded.
          recordFirst: true,
          apply: () => {
            for (const { edit, before } of cells) writeValue(cellRange(ctx, edit), edit.value, before.format);
            result.written = written;
          },
        };
      },
    );
    return result;
  }
}
