// The batch the CLI figures run on: 200 returned workbooks, as a folder of departments' copies is.
import * as path from "path";
import ExcelJS from "exceljs";

export const WORKBOOKS = 200;

/** 200 distinct workbooks: the sample with the first actual changed in each. */
export async function generateWorkbooks(sample: string, dir: string): Promise<string[]> {
  const files: string[] = [];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  const cell = wb.getWorksheet("1-1")?.getCell("I6");
  if (!cell) throw new Error("sample has no 1-1!I6");
  for (let i = 0; i < WORKBOOKS; i++) {
    cell.value = `${1400 + i}件`;
    const file = path.join(dir, `wb-${String(i).padStart(3, "0")}.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
  }
  return files;
}
