// A distributed workbook and returned copies, made from the FY2023 sample for 提出状況 tests:
// MASTER is the sample with every entry cell (①②③, 実績値, 進捗状況, 理由) emptied; a returned copy
// is MASTER with one department's entry cells filled back from the sample.
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { readWorkbookFile } from "../../src/adapters/xlsx/readWorkbook";
import { checkWorkbook } from "../../src/core/check";
import { ENTRY_FIELDS } from "../../src/core/cycle/entryCells";

export const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");

interface EntryCell {
  sheet: string;
  address: string;
  department: string | null;
  field: string;
}

async function entryCells(): Promise<EntryCell[]> {
  const result = checkWorkbook(await readWorkbookFile(SAMPLE));
  return result.rows.flatMap((r) =>
    ENTRY_FIELDS.flatMap((f) => {
      const c = r.cells[f];
      return c ? [{ sheet: r.sheet, address: c.address, department: r.department, field: f }] : [];
    }),
  );
}

async function load(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  return wb;
}

export interface Distribution {
  master: string;
  returned: Record<string, string>;
}

/**
 * Writes master.xlsx and one returned copy per department given. `leaveOut` names entry fields a
 * department did not fill in (e.g. 住宅課: ["status"]).
 */
export async function buildDistribution(
  dir: string,
  departments: string[],
  leaveOut: Record<string, string[]> = {},
): Promise<Distribution> {
  fs.mkdirSync(dir, { recursive: true });
  const cells = await entryCells();
  const original = await load();
  const emptied = async (keep: (c: EntryCell) => boolean) => {
    const wb = await load();
    for (const c of cells) if (!keep(c)) wb.getWorksheet(c.sheet)!.getCell(c.address).value = null;
    return wb;
  };
  const master = path.join(dir, "master.xlsx");
  await (await emptied(() => false)).xlsx.writeFile(master);
  const returned: Record<string, string> = {};
  for (const d of departments) {
    const wb = await emptied((c) => c.department === d && !(leaveOut[d] ?? []).includes(c.field));
    // Values as the department typed them: the sample's own cells.
    for (const c of cells) {
      if (c.department !== d || (leaveOut[d] ?? []).includes(c.field)) continue;
      wb.getWorksheet(c.sheet)!.getCell(c.address).value = original
        .getWorksheet(c.sheet)!
        .getCell(c.address).value;
    }
    returned[d] = path.join(dir, `master_${d}.xlsx`);
    await wb.xlsx.writeFile(returned[d]);
  }
  return { master, returned };
}
