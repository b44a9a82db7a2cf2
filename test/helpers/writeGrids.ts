// Writes grids as a real .xlsx with ExcelJS (tests only: kensho itself never rebuilds a workbook
// through a general model). Values, number formats, merged areas and hidden rows are kept.
import * as ExcelJS from "exceljs";
import type { SheetGrid } from "../../src/core/model";

function workbookOf(grids: SheetGrid[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    for (const c of g.cells) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      cell.value = c.value;
      if (c.format !== "General") cell.numFmt = c.format;
    }
    for (const m of g.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const r of g.hiddenRows) ws.getRow(r + 1).hidden = true;
  }
  return wb;
}

export async function writeGrids(grids: SheetGrid[], file: string): Promise<void> {
  await workbookOf(grids).xlsx.writeFile(file);
}

/** The same workbook as bytes, as a file picker would hand it over. */
export async function gridsToXlsx(grids: SheetGrid[]): Promise<Uint8Array> {
  return new Uint8Array(await workbookOf(grids).xlsx.writeBuffer());
}
