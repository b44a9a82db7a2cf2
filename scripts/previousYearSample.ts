// Last year's workbook for the sample: a 令和4年度 (FY2022) 効果検証シート in the sample's layout,
// generated from the FY2023 transcription (scripts/data/fy2023-sheet.tsv), for `--previous` tests.
//
// What is known of FY2022 is what the FY2023 sheet carries: its 令和4年度 実績値 column. That
// becomes this workbook's actual, so the FY2023 sheet's 前年度実績値 agrees with it, as it should.
// Everything else FY2022 held is not in the seeds and is not invented: its 令和3年度 実績値 and
// 目標値 are left blank. 基準値 and 最終目標値 are the strategy's, as on the FY2023 sheet. The ①②③ text
// and the reasons are the year's own words (generated, and different from FY2023's), as a department
// writes them anew each year.
import * as ExcelJS from "exceljs";
import {
  addPageSheets,
  loadSampleRows,
  newWorkbook,
  sheetTexts,
  type FiscalLabels,
  type SampleRow,
} from "./build-sample";

export const FY2022: FiscalLabels = { year: "令和4年度", previousYear: "令和3年度" };

/** The FY2022 rows derived from the FY2023 transcription. */
export function previousYearRows(rows: SampleRow[] = loadSampleRows()): SampleRow[] {
  return rows.map((r) => ({
    ...r,
    actual: r.previous,
    previous: "",
    target: "",
    activity:
      r.activity.trim() === ""
        ? ""
        : "①令和4年度の事業を計画どおり実施した。\n②事業の周知と参加者の確保。\n③令和5年度も継続して実施する。",
    reason:
      r.reason.trim() === "" || r.reason.trim() === "-"
        ? r.reason
        : "令和4年度は社会情勢の影響により実績が伸びなかった。",
  }));
}

/** The FY2022 workbook; `edit` changes rows first (crafted cases). */
export async function buildPreviousYearWorkbook(
  edit: (rows: SampleRow[]) => SampleRow[] = (rows) => rows,
  labels: FiscalLabels = FY2022,
): Promise<Uint8Array> {
  const wb = newWorkbook();
  addPageSheets(wb, edit(previousYearRows()), { texts: sheetTexts(labels) });
  return new Uint8Array(await (wb as ExcelJS.Workbook).xlsx.writeBuffer());
}
