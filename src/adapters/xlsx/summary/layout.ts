// Shared look of the summary workbook: fonts, fills, borders, titles and print setup.
import type * as ExcelJS from "exceljs";
import { SUMMARY_TEXT } from "../../../i18n/summary";

const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };

export const STYLE = {
  titleFont: { name: "游ゴシック", size: 14, bold: true } as Partial<ExcelJS.Font>,
  noteFont: { name: "游ゴシック", size: 9, color: { argb: "FF595959" } } as Partial<ExcelJS.Font>,
  sectionFont: {
    name: "游ゴシック",
    size: 11,
    bold: true,
    color: { argb: "FF1F4E79" },
  } as Partial<ExcelJS.Font>,
  boldFont: { name: "游ゴシック", bold: true } as Partial<ExcelJS.Font>,
  linkFont: { name: "游ゴシック", color: { argb: "FF0563C1" }, underline: true } as Partial<ExcelJS.Font>,
  headerFill: solid("FF1F4E79"),
  headerFont: { name: "游ゴシック", bold: true, color: { argb: "FFFFFFFF" } } as Partial<ExcelJS.Font>,
  totalFill: solid("FFDDEBF7"),
  errorFill: solid("FFFFC7CE"),
  warningFill: solid("FFFFEB9C"),
  okFill: solid("FFC6EFCE"),
  missingFill: solid("FFD9D9D9"),
  barColor: "FF5B9BD5",
};

export function borderAll(cell: ExcelJS.Cell): void {
  cell.border = { top: thin, left: thin, bottom: thin, right: thin };
}

/** A header row of a plain (non-table) block. */
export function headerCells(ws: ExcelJS.Worksheet, row: number, labels: string[]): void {
  labels.forEach((text, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = text === "" ? null : text;
    cell.fill = STYLE.headerFill;
    cell.font = STYLE.headerFont;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    borderAll(cell);
  });
}

/**
 * Title and note lines at the top of a sheet, each merged across `span` columns so that it reads as
 * one line however narrow the first column is; returns the last row used.
 */
export function titleRows(ws: ExcelJS.Worksheet, title: string, notes: string[], span: number): number {
  const line = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { vertical: "middle", horizontal: "left" };
    if (span > 1) ws.mergeCells(row, 1, row, span);
  };
  line(1, title, STYLE.titleFont);
  ws.getRow(1).height = 24;
  notes.forEach((n, i) => line(2 + i, n, STYLE.noteFont));
  return 1 + notes.length;
}

export function setWidths(ws: ExcelJS.Worksheet, widths: number[]): void {
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/**
 * A4 (or A3) landscape, fitted to the page width, header rows on every page, the sheet's title and
 * the date in the page header, page numbers in the footer.
 */
export function applyPageSetup(
  ws: ExcelJS.Worksheet,
  printTitlesRow: string | null,
  page: { title?: string; date?: string; paper?: "A4" | "A3" } = {},
): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    // 9 is A4 and 8 A3 in OOXML (ECMA-376 Part 1, 18.3.1.64); ExcelJS's PaperSize enum lacks A3.
    paperSize: (page.paper === "A3" ? 8 : 9) as ExcelJS.PaperSize,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(printTitlesRow ? { printTitlesRow } : {}),
  };
  ws.headerFooter = {
    ...ws.headerFooter,
    ...(page.title ? { oddHeader: SUMMARY_TEXT.header(page.title, page.date ?? "") } : {}),
    oddFooter: SUMMARY_TEXT.footer,
  };
}
