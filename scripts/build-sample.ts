// Builds the bundled sample, assets/sample/kensho-sample-r5.xlsx: the FY2023 (令和5年度) 効果検証シート
// as a department would have submitted it, rebuilt from scripts/data/fy2023-sheet.tsv.
//
// The TSV is a transcription of the FY2023 sheet (a PDF of the workbook), one line per data row and
// one column per logical field. `\n` inside a field is a line break in the cell. goal and subGoal
// are given on every row; measure only on the first row of a 施策 group (an empty measure continues
// the group above), and on 数値目標 rows it holds the 数値目標's name, with "-" as kpi.
//
// The layout helpers here are also used by build-fixtures.ts for the layout variants.
//
// Run: `npm run build:cli && npm run sample` writes assets/sample/kensho-sample-r5.xlsx. Commit the
// result; test/adapters/xlsx/sample.test.ts fails when it no longer matches this builder.
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";

export const SAMPLE_FIELDS = [
  "page",
  "goal",
  "subGoal",
  "measure",
  "kpi",
  "activity",
  "baseline",
  "previous",
  "actual",
  "target",
  "finalTarget",
  "status",
  "reason",
  "department",
] as const;
export type SampleField = (typeof SAMPLE_FIELDS)[number];
export type SampleRow = Record<SampleField, string>;
/** A sheet column's content: a data field, or a 備考 column left empty. */
export type ColumnKey = Exclude<SampleField, "page"> | "remark";

export const SAMPLE_FILE_NAME = "kensho-sample-r5.xlsx";
export const PAGES = ["1-1", "1-2", "2-1", "2-2", "3-1", "3-2"] as const;

/**
 * The project root, found by walking up from this file (scripts/ under ts-jest, dist/cli/scripts/
 * when compiled), then from the working directory.
 */
export function projectRoot(start: string = __dirname): string {
  for (const from of [start, process.cwd()]) {
    let dir = path.resolve(from);
    for (;;) {
      if (fs.existsSync(path.join(dir, "scripts", "data", "fy2023-sheet.tsv"))) return dir;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`project root (with scripts/data/fy2023-sheet.tsv) not found above ${start}`);
}

export function loadSampleRows(
  file = path.join(projectRoot(), "scripts", "data", "fy2023-sheet.tsv"),
): SampleRow[] {
  const lines = fs
    .readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const header = lines[0].split("\t");
  if (header.join("\t") !== SAMPLE_FIELDS.join("\t")) throw new Error(`unexpected TSV header in ${file}`);
  return lines.slice(1).map((line, i) => {
    const cells = line.split("\t");
    if (cells.length !== SAMPLE_FIELDS.length) throw new Error(`${file}:${i + 2}: ${cells.length} fields`);
    const row = {} as SampleRow;
    SAMPLE_FIELDS.forEach((f, j) => (row[f] = cells[j].replace(/\\n/g, "\n")));
    return row;
  });
}

// ---------------------------------------------------------------------------------------------
// Labels

export interface FiscalLabels {
  /** "令和5年度" */
  year: string;
  /** "令和4年度" */
  previousYear: string;
}

export const FY2023: FiscalLabels = { year: "令和5年度", previousYear: "令和4年度" };

export interface SheetTexts {
  title: string;
  note: string;
  docLabel: string;
  headers: Record<ColumnKey, string>;
  measureTop: string;
  measureBottom: string;
  /** The measure label when the header is a single row. */
  measureSingle: string;
}

export function sheetTexts(fy: FiscalLabels = FY2023): SheetTexts {
  return {
    title: `${fy.year} 第2期伊勢崎市まち・ひと・しごと創生総合戦略効果検証シート`,
    note: `${fy.previousYear}実績値を基に設定したため、基準値及び${fy.year}目標値よりも低い値が設定されている場合があります。`,
    docLabel: "資料2",
    headers: {
      goal: "大基本目標",
      subGoal: "小基本目標",
      measure: "数値目標",
      kpi: "重要業績評価指標\n(KPI)\n名称",
      activity: `${fy.year}\n①主な取組・事業実施状況\n②課題\n③今後の方策等`,
      baseline: "基準値\n(令和元年度)",
      previous: `${fy.previousYear}\n実績値`,
      actual: `${fy.year}\n実績値`,
      target: `${fy.year}\n目標値`,
      finalTarget: "計画最終年度\n目標値\n(令和9年度)",
      status: "進捗状況",
      reason: "進捗が遅れている\n理由",
      department: "指標の担当課",
      remark: "備考",
    },
    measureTop: "数値目標",
    measureBottom: "具体的な施策",
    measureSingle: "数値目標・具体的な施策",
  };
}

// ---------------------------------------------------------------------------------------------
// Layouts

export interface ColumnSpec {
  key: ColumnKey;
  /** One width per sheet column the field spans (most span one; some two). */
  widths: number[];
}

export interface SheetStyle {
  columns: ColumnSpec[];
  /** Second header row under a two-column measure: "split" puts 数値目標 | 具体的な施策 side by side. */
  measureHeader: "split" | "merged";
  headerRows: 1 | 2;
}

// ExcelJS drops a width of exactly 9 (its default), so none is 9.
const VALUE_WIDTH = 13;
const valueColumns = (): ColumnSpec[] =>
  (["baseline", "previous", "actual", "target", "finalTarget"] as const).map((key) => ({
    key,
    widths: [VALUE_WIDTH],
  }));

/** The columns every page has, with the measure's sheet column widths (one or two columns). */
function pageColumns(measureWidths: number[]): SheetStyle["columns"] {
  return [
    { key: "goal", widths: [10] },
    { key: "subGoal", widths: [11] },
    { key: "measure", widths: measureWidths },
    { key: "kpi", widths: [22] },
    { key: "activity", widths: [56] },
    ...valueColumns(),
    { key: "status", widths: [11] },
    { key: "reason", widths: [30] },
    { key: "department", widths: [12] },
  ];
}

/** 14 columns: the measure spans C:D (pages 1-1 … 2-2). */
export function wideMeasureStyle(measureHeader: "split" | "merged"): SheetStyle {
  return { measureHeader, headerRows: 2, columns: pageColumns([12, 12]) };
}

/** 13 columns with a single-column measure (page 3-2). */
export function narrowMeasureStyle(): SheetStyle {
  return { measureHeader: "merged", headerRows: 2, columns: pageColumns([18]) };
}

/** 15 columns: the reason spans L:M and a 備考 column ends the table (page 3-1). */
export function wideReasonStyle(): SheetStyle {
  const style = narrowMeasureStyle();
  style.columns = style.columns.map((c) => (c.key === "reason" ? { key: "reason", widths: [16, 16] } : c));
  style.columns.push({ key: "remark", widths: [10] });
  return style;
}

export function pageStyle(page: string): SheetStyle {
  if (page === "1-1") return wideMeasureStyle("split");
  if (page === "3-1") return wideReasonStyle();
  if (page === "3-2") return narrowMeasureStyle();
  return wideMeasureStyle("merged");
}

// ---------------------------------------------------------------------------------------------
// Writing

const FONT: Partial<ExcelJS.Font> = { name: "游ゴシック", size: 10 };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };

/** What a hook places in a data cell instead of the TSV text: a number, formula or error, and a format. */
export interface CellContent {
  value: ExcelJS.CellValue;
  numFmt?: string;
}

export interface BlockOptions {
  texts?: SheetTexts;
  /** Write the title, note and 資料2 rows above the header (default true). */
  preamble?: boolean;
  /**
   * Hook to place something other than the TSV text (numbers, formulas, 備考 text) in a data cell.
   * `occurrence` counts columns of the same key from 0 (a sheet may have two 備考 columns).
   */
  cellValue?: (row: SampleRow, key: ColumnKey, occurrence: number) => CellContent | undefined;
}

/** Total sheet columns of a style. */
export const styleWidth = (style: SheetStyle): number =>
  style.columns.reduce((n, c) => n + c.widths.length, 0);

/** 1-based first sheet column of each field in a style. */
export function columnIndex(style: SheetStyle): Partial<Record<ColumnKey, number>> {
  const out: Partial<Record<ColumnKey, number>> = {};
  let col = 1;
  for (const c of style.columns) {
    if (out[c.key] === undefined) out[c.key] = col;
    col += c.widths.length;
  }
  return out;
}

export function setColumnWidths(ws: ExcelJS.Worksheet, style: SheetStyle): void {
  let col = 1;
  for (const c of style.columns) for (const w of c.widths) ws.getColumn(col++).width = w;
}

/** Rough row height so wrapped text shows: Excel does not size rows with merged cells itself. */
function estimateHeight(row: SampleRow, style: SheetStyle): number {
  let lines = 1;
  for (const c of style.columns) {
    if (c.key === "remark") continue;
    const text = row[c.key] ?? "";
    const width = c.widths.reduce((a, b) => a + b, 0);
    // A full-width character takes about two width units.
    const perLine = Math.max(1, Math.floor(width / 2));
    const n = text.split("\n").reduce((sum, para) => sum + Math.max(1, Math.ceil(para.length / perLine)), 0);
    lines = Math.max(lines, n);
  }
  return Math.min(409, Math.max(30, lines * 13.5 + 4));
}

function styleCell(cell: ExcelJS.Cell, header: boolean): void {
  cell.font = header ? { ...FONT, bold: true } : FONT;
  cell.alignment = { wrapText: true, vertical: "middle", horizontal: header ? "center" : undefined };
  cell.border = THIN;
  if (header) cell.fill = HEADER_FILL;
}

function mergeIfArea(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
}

/** Groups of consecutive rows sharing a key (goal, subGoal), as [first, last] indices. */
function runs(rows: SampleRow[], key: (r: SampleRow) => string): [number, number][] {
  const out: [number, number][] = [];
  rows.forEach((r, i) => {
    const last = out[out.length - 1];
    if (last && key(rows[last[0]]) === key(r)) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

/** 施策 groups: a 数値目標 row alone, or a KPI row with a measure and the KPI rows after it. */
function measureGroups(rows: SampleRow[]): [number, number][] {
  const out: [number, number][] = [];
  rows.forEach((r, i) => {
    const last = out[out.length - 1];
    const continues =
      last &&
      r.kpi !== "-" &&
      r.measure === "" &&
      rows[last[0]].kpi !== "-" &&
      rows[last[0]].subGoal === r.subGoal;
    if (continues) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

/**
 * Writes one verification table (optional title/note/資料2, header, data) from `startRow` (1-based).
 * Returns the next free row.
 */
export function writeBlock(
  ws: ExcelJS.Worksheet,
  startRow: number,
  style: SheetStyle,
  rows: SampleRow[],
  options: BlockOptions = {},
): number {
  const texts = options.texts ?? sheetTexts();
  const width = styleWidth(style);
  let r = startRow;

  if (options.preamble !== false) {
    const title = ws.getCell(r, 1);
    title.value = texts.title;
    title.font = { ...FONT, size: 14, bold: true };
    title.alignment = { vertical: "middle", horizontal: "center" };
    ws.mergeCells(r, 1, r, width);
    ws.getRow(r).height = 24;
    r++;
    const note = ws.getCell(r, 1);
    note.value = texts.note;
    note.font = FONT;
    note.alignment = { vertical: "middle" };
    ws.mergeCells(r, 1, r, width);
    r++;
    const doc = ws.getCell(r, width);
    doc.value = texts.docLabel;
    doc.font = { ...FONT, size: 12, bold: true };
    doc.alignment = { horizontal: "right" };
    r++;
  }

  // Header.
  const h = r;
  const hBottom = h + style.headerRows - 1;
  let col = 1;
  for (const c of style.columns) {
    const span = c.widths.length;
    const right = col + span - 1;
    for (let rr = h; rr <= hBottom; rr++)
      for (let cc = col; cc <= right; cc++) styleCell(ws.getCell(rr, cc), true);
    if (c.key === "measure" && style.headerRows === 2) {
      ws.getCell(h, col).value = texts.measureTop;
      mergeIfArea(ws, h, col, h, right);
      if (style.measureHeader === "split" && span === 2) {
        ws.getCell(h + 1, col).value = texts.measureTop;
        ws.getCell(h + 1, col + 1).value = texts.measureBottom;
      } else {
        ws.getCell(h + 1, col).value = texts.measureBottom;
        mergeIfArea(ws, h + 1, col, h + 1, right);
      }
    } else {
      ws.getCell(h, col).value = c.key === "measure" ? texts.measureSingle : texts.headers[c.key];
      mergeIfArea(ws, h, col, hBottom, right);
    }
    col = right + 1;
  }
  for (let rr = h; rr <= hBottom; rr++) ws.getRow(rr).height = style.headerRows === 2 && rr === h ? 54 : 30;
  if (style.headerRows === 1) ws.getRow(h).height = 66;
  r = hBottom + 1;

  // Data.
  const first = r;
  rows.forEach((row, i) => {
    const sheetRow = first + i;
    let c0 = 1;
    const seen: Partial<Record<ColumnKey, number>> = {};
    for (const c of style.columns) {
      const span = c.widths.length;
      for (let cc = c0; cc < c0 + span; cc++) styleCell(ws.getCell(sheetRow, cc), false);
      const occurrence = seen[c.key] ?? 0;
      seen[c.key] = occurrence + 1;
      const custom = options.cellValue?.(row, c.key, occurrence);
      const cell = ws.getCell(sheetRow, c0);
      if (custom) {
        cell.value = custom.value;
        if (custom.numFmt) cell.numFmt = custom.numFmt;
      } else if (c.key !== "remark" && row[c.key] !== "") {
        cell.value = row[c.key];
      }
      // Fields spanning two columns are merged across on every row; the measure is merged below.
      if (span > 1 && c.key !== "measure") ws.mergeCells(sheetRow, c0, sheetRow, c0 + span - 1);
      c0 += span;
    }
    ws.getRow(sheetRow).height = estimateHeight(row, style);
  });

  const idx = columnIndex(style);
  const measureSpan = style.columns.find((c) => c.key === "measure")?.widths.length ?? 1;
  for (const [a, b] of runs(rows, (x) => x.goal)) mergeIfArea(ws, first + a, idx.goal!, first + b, idx.goal!);
  for (const [a, b] of runs(rows, (x) => x.subGoal))
    mergeIfArea(ws, first + a, idx.subGoal!, first + b, idx.subGoal!);
  for (const [a, b] of measureGroups(rows))
    mergeIfArea(ws, first + a, idx.measure!, first + b, idx.measure! + measureSpan - 1);

  return first + rows.length;
}

export function setupPage(ws: ExcelJS.Worksheet): void {
  // 8 is A3 in OOXML; ExcelJS's PaperSize enum lacks it.
  const a3 = 8 as unknown as ExcelJS.PaperSize;
  ws.pageSetup = { orientation: "landscape", paperSize: a3, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

/** Adds one worksheet per page ("1-1" … "3-2"), laid out as in the FY2023 sheet. */
export function addPageSheets(
  wb: ExcelJS.Workbook,
  rows: SampleRow[],
  options: BlockOptions & { style?: (page: string) => SheetStyle } = {},
): void {
  for (const page of PAGES) {
    const style = (options.style ?? pageStyle)(page);
    const ws = wb.addWorksheet(page);
    setColumnWidths(ws, style);
    setupPage(ws);
    writeBlock(
      ws,
      1,
      style,
      rows.filter((r) => r.page === page),
      options,
    );
  }
}

/** A new workbook with fixed metadata, so rebuilt files differ only in zip timestamps. */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const when = new Date(Date.UTC(2024, 4, 1));
  wb.creator = "伊勢崎市";
  wb.lastModifiedBy = "伊勢崎市";
  wb.created = when;
  wb.modified = when;
  return wb;
}

export function createSampleWorkbook(rows: SampleRow[] = loadSampleRows()): ExcelJS.Workbook {
  const wb = newWorkbook();
  addPageSheets(wb, rows);
  return wb;
}

export async function workbookToBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function buildSampleWorkbook(): Promise<Buffer> {
  return workbookToBuffer(createSampleWorkbook());
}

export function samplePath(root = projectRoot()): string {
  return path.join(root, "assets", "sample", SAMPLE_FILE_NAME);
}

async function main(): Promise<void> {
  const out = samplePath();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, await buildSampleWorkbook());
  console.log(`wrote ${path.relative(process.cwd(), out) || out}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
