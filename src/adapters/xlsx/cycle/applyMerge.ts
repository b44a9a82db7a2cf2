// Writing a merge plan into a copy of the master: values only, each cell keeping its style. A
// master entry cell that holds a formula is left alone and reported: kensho never destroys one.
import { WorkbookPatch } from "../write/workbookPatch";
import type { MergePlan } from "../../../core/cycle/merge";
import type { CellInput } from "../write/sheetPatch";

export interface MergeWriteResult {
  bytes: Uint8Array;
  changedParts: string[];
  /** Master cells not written because they hold a formula. */
  formulaCells: Array<{ sheet: string; cell: string }>;
}

export function applyMerge(masterBytes: Uint8Array, plan: MergePlan): MergeWriteResult {
  const wb = WorkbookPatch.open(masterBytes);
  const formulaCells: MergeWriteResult["formulaCells"] = [];
  for (const a of plan.applied) {
    const sheet = wb.sheet(a.sheet);
    for (const c of a.changes) {
      if (sheet.hasFormula(c.row, c.col)) {
        formulaCells.push({ sheet: a.sheet, cell: c.address });
        continue;
      }
      sheet.setValue(c.row, c.col, c.value as CellInput);
    }
  }
  return { ...wb.write(), formulaCells };
}
