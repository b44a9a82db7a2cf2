// A rich master workbook, as planning's real ones are: the 進捗状況 drop-down (data validation),
// conditional formats, print area and print titles, header and footer, the city's logo (a picture),
// defined names, and custom document properties (docProps/custom.xml, added by patching the zip
// because ExcelJS does not write it). Two layouts: the multi-sheet sample layout and one sheet.
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync } from "fflate";
import {
  addPageSheets,
  columnIndex,
  loadSampleRows,
  narrowMeasureStyle,
  newWorkbook,
  pageStyle,
  projectRoot,
  setColumnWidths,
  setupPage,
  writeBlock,
  type SheetStyle,
} from "../../scripts/build-sample";

export type RichLayout = "multi-sheet" | "single-sheet";

const STATUS_LIST = '"順調に進捗,概ね順調に進捗,進捗の遅れ"';

function decorate(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  style: SheetStyle,
  firstData: number,
  logo: number,
): void {
  const cols = columnIndex(style);
  const last = ws.rowCount;
  const letter = (c: number) => ws.getColumn(c).letter;
  const status = letter(cols.status!);
  const actual = letter(cols.actual!);
  for (let r = firstData; r <= last; r++) {
    ws.getCell(`${status}${r}`).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [STATUS_LIST],
      showErrorMessage: true,
      errorTitle: "進捗状況",
      error: "一覧から選んでください",
    };
  }
  ws.addConditionalFormatting({
    ref: `${actual}${firstData}:${actual}${last}`,
    rules: [
      {
        type: "containsText",
        operator: "containsBlanks",
        priority: 1,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFF2CC" } } },
      } as ExcelJS.ConditionalFormattingRule,
    ],
  });
  const lastCol = letter(style.columns.reduce((n, c) => n + c.widths.length, 0));
  ws.pageSetup.printArea = `A1:${lastCol}${last}`;
  ws.pageSetup.printTitlesRow = `${firstData - style.headerRows}:${firstData - 1}`;
  ws.headerFooter.oddHeader = '&C&"游ゴシック"第2期伊勢崎市総合戦略 効果検証シート';
  ws.headerFooter.oddFooter = "&C&P / &N ページ";
  ws.addImage(logo, { tl: { col: 0, row: 0 }, ext: { width: 32, height: 32 } });
  wb.definedNames.add(`'${ws.name}'!$A$1`, `表題_${ws.name.replace(/-/g, "_")}`);
}

const CUSTOM_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="所管"><vt:lpwstr>企画調整課</vt:lpwstr></property>' +
  '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="文書番号"><vt:lpwstr>伊企第123号</vt:lpwstr></property>' +
  "</Properties>";

/** Adds docProps/custom.xml with its content type and package relationship. */
function addCustomProperties(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const dec = new TextDecoder();
  files["docProps/custom.xml"] = strToU8(CUSTOM_XML);
  files["[Content_Types].xml"] = strToU8(
    dec
      .decode(files["[Content_Types].xml"])
      .replace(
        "</Types>",
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
      ),
  );
  files["_rels/.rels"] = strToU8(
    dec
      .decode(files["_rels/.rels"])
      .replace(
        "</Relationships>",
        '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
      ),
  );
  return zipSync(files);
}

/** The rich master in a layout, as bytes. */
export async function buildRichMaster(layout: RichLayout): Promise<Uint8Array> {
  const rows = loadSampleRows();
  const wb = newWorkbook();
  const logo = wb.addImage({
    buffer: fs.readFileSync(path.join(projectRoot(), "assets", "icon-32.png")) as never,
    extension: "png",
  });
  if (layout === "multi-sheet") {
    addPageSheets(wb, rows);
    for (const ws of wb.worksheets) decorate(wb, ws, pageStyle(ws.name), 6, logo);
  } else {
    const ws = wb.addWorksheet("全体");
    const style: SheetStyle = { ...narrowMeasureStyle(), headerRows: 1 };
    setColumnWidths(ws, style);
    setupPage(ws);
    writeBlock(ws, 1, style, rows);
    decorate(wb, ws, style, 5, logo);
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return addCustomProperties(bytes);
}
