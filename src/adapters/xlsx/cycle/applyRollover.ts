// Writing a rollover plan: labels, values and cleared entries in place (cells, styles and
// drop-downs kept), the previous-year column given the actual's number format, new KPI rows
// inserted like their neighbours, and the change log as a new sheet.
import { WorkbookPatch } from "../write/workbookPatch";
import type { RolloverPlan } from "../../../core/cycle/rolloverTypes";
import type { CellInput } from "../write/sheetPatch";

export interface RolloverWriteResult {
  bytes: Uint8Array;
  changedParts: string[];
  /** Sheets where rows could not be inserted (drawings, tables or comments tied to rows). */
  notInserted: string[];
}

export function applyRollover(
  bytes: Uint8Array,
  plan: RolloverPlan,
  log: { sheetName: string; rows: string[][] },
): RolloverWriteResult {
  const wb = WorkbookPatch.open(bytes);
  const styles = wb.styles;
  for (const c of plan.cells) {
    const sheet = wb.sheet(c.sheet);
    // Entries, targets and the previous-year column are rolled over on purpose, formulas included.
    sheet.setValue(c.row, c.col, c.value as CellInput, { replaceFormula: true });
    if (c.numberFormatFrom) {
      const fmt = styles.numFmtId(sheet.cellStyle(c.numberFormatFrom.row, c.numberFormatFrom.col));
      const style = sheet.cellStyle(c.row, c.col);
      const next = styles.variant(style, { numFmtId: fmt });
      if (next !== style) sheet.setStyle(c.row, c.col, next);
    }
  }
  const notInserted: string[] = [];
  for (const ins of plan.insertions) {
    const sheet = wb.sheet(ins.sheet);
    if (wb.insertionBlocked(ins.sheet, ins.after)) {
      if (!notInserted.includes(ins.sheet)) notInserted.push(ins.sheet);
      continue;
    }
    sheet.insertRowAfter(ins.after, new Map(ins.cells.map((c) => [c.col, { value: c.value as CellInput }])));
  }
  let name = log.sheetName;
  for (let k = 2; wb.sheets().some((s) => s.name === name); k++) name = `${log.sheetName}(${k})`;
  wb.addSheet(name, log.rows, [10, 6, 8, 30, 36, 30, 30, 40]);
  return { ...wb.write(), notInserted };
}
