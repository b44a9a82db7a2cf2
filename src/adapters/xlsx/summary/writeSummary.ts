// The 創生会議 summary workbook (`kensho --summary OUT.xlsx`): a NEW workbook laid out from the
// core's BoardSummary with ExcelJS. It never touches a user's workbook (those are written surgically).
// Sheets: 集計 (with a native chart), 進捗一覧 (the board's columns, on A4), 進捗一覧（詳細）(the rest, on
// A3), 指摘一覧, with last year's workbooks 推移, and with the distributed workbook 提出状況. Each prints
// landscape, fitted to the page width, its header rows on every page, its title in the page header.
import * as ExcelJS from "exceljs";
import type { BoardSummary } from "../../../core/aggregate/boardSummary";
import { addLinkLocations, type LinkLocations } from "./linkLocations";
import type { SummaryContext } from "./summaryContext";
import { overviewSheet } from "./overviewSheet";
import { progressDetailSheet, progressSheet } from "./progressSheet";
import { hasHistory, historySheet } from "./historySheet";
import { addBarChart } from "./chartPart";
import { unzipSync, zipSync } from "fflate";
import { SUMMARY_TEXT } from "../../../i18n/summary";
import { findingsSheet } from "./findingsSheet";
import { submissionsSheet } from "./submissionsSheet";
import { escapeCellTexts } from "./cellTexts";

export type { SummaryContext } from "./summaryContext";

/** The summary workbook as bytes. */
export async function writeSummaryWorkbook(summary: BoardSummary, ctx: SummaryContext): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = `kensho ${ctx.version}`;
  wb.created = ctx.now;
  wb.modified = ctx.now;
  const overview = overviewSheet(wb, summary, ctx);
  progressSheet(wb, summary, ctx);
  progressDetailSheet(wb, summary, ctx);
  const locations: LinkLocations = new Map();
  findingsSheet(wb, summary, ctx, locations);
  if (hasHistory(summary)) historySheet(wb, summary, ctx);
  if (summary.submissions !== null) submissionsSheet(wb, summary, ctx);
  escapeCellTexts(wb);
  // ExcelJS stores its parts uncompressed and writes no charts: the chart is added to the stored
  // package, then the link pass compresses every part once.
  const stored = unzipSync(
    new Uint8Array((await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } })) as ArrayBuffer),
  );
  addBarChart(
    stored,
    `xl/worksheets/sheet${overview.sheetId}.xml`,
    SUMMARY_TEXT.sheets.overview,
    overview.chart,
  );
  return Buffer.from(addLinkLocations(zipSync(stored, { level: 0 }), locations));
}
