// Returned copies for 提出ファイルを取り込む's tests: the sample master as a department's Excel would
// save it after editing rows (written by ExcelJS, as merge.test.ts does), handed over as a picked file.
import * as ExcelJS from "exceljs";
import { addPageSheets, loadSampleRows, newWorkbook, type SampleRow } from "../../scripts/build-sample";
import type { PickedFile } from "../../src/taskpane/submissions/types";

export async function returned(edit: (rows: SampleRow[]) => SampleRow[]): Promise<Uint8Array> {
  const wb = newWorkbook();
  addPageSheets(wb, edit(loadSampleRows().map((r) => ({ ...r }))));
  return new Uint8Array(await (wb as ExcelJS.Workbook).xlsx.writeBuffer());
}

export function set(rows: SampleRow[], kpi: string, patch: Partial<SampleRow>): SampleRow[] {
  Object.assign(
    rows.find((x) => (x.kpi === "-" ? x.measure : x.kpi) === kpi)!,
    patch,
  );
  return rows;
}

/** A file as the browser's picker hands it over (File's name, size and arrayBuffer). */
export function picked(name: string, bytes: Uint8Array): PickedFile {
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
}
