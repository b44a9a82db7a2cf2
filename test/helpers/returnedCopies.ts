// Returned copies for the merge tests (`kensho merge` and the pane's 提出ファイルを取り込む): the sample
// master as a department's Excel would save it after editing rows (written by ExcelJS), and the
// same file as the browser's picker hands it over.
import * as ExcelJS from "exceljs";
import { addPageSheets, loadSampleRows, newWorkbook, type SampleRow } from "../../scripts/build-sample";
import type { PickedFile } from "../../src/taskpane/submissions/types";
import * as fs from "fs";
import * as path from "path";
import { PackageEdit } from "../../src/adapters/xlsx/write/opcPackage";
import { setCustomProperties } from "../../src/adapters/xlsx/write/customProperties";
import {
  isMarkerKey,
  kpiListDigest,
  markerProperties,
  type SplitMarker,
} from "../../src/core/cycle/splitMarker";
import { readWorkbookBytesSync } from "../../src/adapters/xlsx/read";
import { verificationSheets } from "../../src/core/cycle/verificationSheets";
import type { VerificationRow } from "../../src/core/model";

const SAMPLE_FILE = path.join(__dirname, "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");
let sampleRows: VerificationRow[] | null = null;
/** The bundled sample's rows as merge reads them (for the digest of its KPI list). */
function loadSampleRowsAsVerification(): VerificationRow[] {
  sampleRows ??= verificationSheets(
    readWorkbookBytesSync(new Uint8Array(fs.readFileSync(SAMPLE_FILE))),
  ).sheets.flatMap((s) => s.rows);
  return sampleRows;
}

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

/** The bytes with split's marker recorded in them, as `kensho split` records it (docProps/custom.xml). */
export function withMarker(bytes: Uint8Array, marker: SplitMarker): Uint8Array {
  const pkg = PackageEdit.open(bytes);
  setCustomProperties(pkg, markerProperties(marker), isMarkerKey);
  return pkg.write();
}

/** The marker split writes for the bundled sample (原本.xlsx) for one department. */
export function sampleMarker(department: string, over: Partial<SplitMarker> = {}): SplitMarker {
  const rows = loadSampleRowsAsVerification();
  return {
    department,
    masterFile: "原本.xlsx",
    fiscalYear: "令和5年度",
    kpiDigest: kpiListDigest(rows),
    ...over,
  };
}
