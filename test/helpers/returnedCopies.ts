// Returned copies for the merge tests (`kensho merge` and the pane's 提出ファイルを取り込む): the sample
// master as a department's Excel would save it after editing rows (written by ExcelJS), and the
// same file as the browser's picker hands it over.
import * as ExcelJS from "exceljs";
import { addPageSheets, loadSampleRows, newWorkbook, type SampleRow } from "../../scripts/build-sample";
import type { PickedFile } from "../../src/taskpane/submissions/types";

/** A returned copy written from edited rows: rows may be moved or added. */
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

/**
 * 商工労働課's two submissions, which between them raise every conflict kind. The first sets its
 * 新規求人数 and 創業相談件数, and (wrongly) its own 目標値 and 企業誘致課's 製造品出荷額等. The second
 * has another 新規求人数, the same 創業相談件数 in re-sorted rows, and an inserted row of its own.
 */
export async function commerceSubmissions(): Promise<{ first: Uint8Array; second: Uint8Array }> {
  const first = await returned((rows) => {
    set(rows, "新規求人数", { actual: "1,500件", status: "順調に進捗" });
    set(rows, "創業相談件数", { actual: "30件" });
    set(rows, "新技術・新製品等の開発数", { target: "9件" });
    set(rows, "製造品出荷額等", { actual: "11,500億円 (令和3年)" });
    return rows;
  });
  const second = await returned((rows) => {
    set(rows, "新規求人数", { actual: "1,520件", status: "順調に進捗" });
    set(rows, "創業相談件数", { actual: "30件" });
    const i = rows.findIndex((r) => r.kpi === "新技術・新製品等の開発数");
    const j = rows.findIndex((r) => r.kpi === "創業相談件数");
    [rows[i], rows[j]] = [rows[j], rows[i]];
    rows.splice(j + 1, 0, { ...rows[j], kpi: "独自の指標", actual: "5件", department: "商工労働課" });
    return rows;
  });
  return { first, second };
}

/** A file as the browser's picker hands it over (File's name, size and arrayBuffer). */
export function picked(name: string, bytes: Uint8Array): PickedFile {
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
}
