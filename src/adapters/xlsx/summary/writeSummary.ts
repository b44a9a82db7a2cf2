// The 創生会議 summary workbook (`kensho --summary OUT.xlsx`): a NEW workbook laid out from the
// core's BoardSummary with ExcelJS. It never touches a user's workbook (those are written surgically).
// Sheets: 集計, 進捗一覧, 指摘一覧 and, with the distributed workbook, 提出状況. Each prints on A4
// landscape, fitted to the page width, with its header rows repeated on every page.
import * as ExcelJS from "exceljs";
import type { BoardSummary } from "../../../core/aggregate/boardSummary";
import { addLinkLocations, type LinkLocations } from "./linkLocations";
import type { SummaryContext } from "./summaryContext";
import { overviewSheet } from "./overviewSheet";
import { progressSheet } from "./progressSheet";
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
  overviewSheet(wb, summary, ctx);
  progressSheet(wb, summary, ctx);
  const locations: LinkLocations = new Map();
  findingsSheet(wb, summary, ctx, locations);
  if (summary.submissions !== null) submissionsSheet(wb, summary, ctx);
  escapeCellTexts(wb);
  // ExcelJS stores its parts uncompressed; the link pass compresses them all once.
  const stored = await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  return Buffer.from(addLinkLocations(new Uint8Array(stored as ArrayBuffer), locations));
}
