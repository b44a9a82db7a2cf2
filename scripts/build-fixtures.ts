// Builds the test fixtures: variants of the bundled FY2023 sample, each written with ExcelJS from
// scripts/data/fy2023-sheet.tsv, plus broken files. `buildFixtures(dir)` returns name -> path.
//
// | name                           | file                            | what it holds |
// |--------------------------------|---------------------------------|---------------|
// | sample                         | sample.xlsx                     | the bundled sample as built now (6 sheets "1-1" … "3-2") |
// | numeric-formats                | numeric-formats.xlsx            | numbers under formats: 1-1 新規求人数 1563/1486/1594 under #,##0"件" and actual =1400+72 (cached 1472); 1-1 ほ場整備面積 baseline 3923 under #,##0"ha", actual =SUM(3900,42) (cached 3942); 1-2 年間観光入込客数 331/258/258/378/365 under 0"万人"; 1-2 境地区 baseline 88271 under #,##0"人"; 2-1 妊婦健康診査受診率 0.805/0.821/0.82/0.82 under 0.0% and actual =ROUND(781/1000,3) (cached 0.781) |
// | single-sheet-single-header     | single-sheet-single-header.xlsx | all 47 rows on one sheet "全体", 13 columns, title/note/資料2 then ONE header row (measure header "数値目標・具体的な施策") |
// | single-sheet-repeated-header   | single-sheet-repeated-header.xlsx | all rows on one sheet "効果検証シート": per page a block of title, note, 資料2, two-row header (14 columns), data; a blank row between blocks |
// | fullwidth-digits               | fullwidth-digits.xlsx           | sample with text variants: 1-1 新規求人数 baseline "１，５６３件", previous " 1,486件 " (spaces), actual "１，４７２件"; 1-1 製造品出荷額等 baseline "１１，９４２億円（平成３０年）"; 1-1 新技術・新製品等の開発数 reason (M8) a lone full-width space U+3000 (status 進捗の遅れ); 2-1 妊婦健康診査受診率 actual "７８．１％"; 3-2 防犯灯設置数 target "17,450基" + U+3000 (trailing full-width space) |
// | extra-column                   | extra-column.xlsx               | sample with a 備考 column inserted between 進捗状況 and 理由 on every sheet, and one at the end (3-1 already ends with one); a few 備考 cells hold text (1-1 新規求人数 "速報値", 2-1 出生数 "人口動態統計による") |
// | r6                             | r6.xlsx                         | a 令和6年度 workbook (6 sheets): title 令和6年度…, headers 令和5年度 実績値 / 令和6年度 実績値 / 令和6年度 目標値; previous = FY2023 actual; actual and target = FY2023's ×1.02 with reference years moved on a year (so statuses still hold); categories and "-" unchanged |
// | hidden-rows                    | hidden-rows.xlsx                | sample with 1-1 rows 9 (創業相談件数) and 10 (いせさき合同会社説明会の参加者数) hidden and column F (①②③) hidden |
// | formula-errors                 | formula-errors.xlsx             | sample with 1-1 I7 (製造品出荷額等 actual) =G100/H100 cached #DIV/0!; 2-1 I7 (出生数 actual) =VLOOKUP(…) cached #N/A; 3-2 H8 (防犯灯設置数 actual) the error value #VALUE! (no formula) |
// | no-verification-sheet          | no-verification-sheet.xlsx      | a valid workbook with one unrelated sheet "名簿" (氏名 / 所属 / 内線) |
// | not-xlsx                       | not-xlsx.xlsx                   | plain CSV text saved under .xlsx |
// | corrupt                        | corrupt.xlsx                    | a truncated zip: the sample's first 2000 bytes |
// | legacy-or-encrypted            | legacy-or-encrypted.xlsx        | the OLE magic D0 CF 11 E0 A1 B1 1A E1 then junk (what .xls and password-protected .xlsx start with) |
// | empty                          | empty.xlsx                      | 0 bytes |
//
// Hostile fixtures (buildHostileFixtures, written straight from grids by synthetic-xlsx.ts, made at
// test time and never committed):
//
// | name                  | what it holds |
// |-----------------------|---------------|
// | uncalculated-formula  | sample with 1-1 I6 (新規求人数 actual) a formula =SUM(G6:H6) and no cached value |
// | no-r-attributes       | sample whose rows and cells carry no r attribute (Excel accepts this) |
// | escape-sequences      | sample with terminal escapes in 1-1 C6 (KPI name: _x001B_[2J…, U+009B, U+202E), N6 and N9 (担当課) |
// | formula-like-text     | sample with 1-1 L6 status " =1+1 " and 1-1 N9 担当課 "＝HYPERLINK(\"x\")" |
// | merge-to-last-row     | sample with 1-1 E17:E1048576 and O1:O1048576 merged (down the KPI column, below the rows) |
// | formatted-empty-cells | sample with 1,000,000 formatted empty cells (1,000 × 1,000) below the data on 3-2 |
// | long-shared-string    | sample with a 1,100,000-character shared string in 1-1 P1 |
// | encrypted             | an OLE file with an EncryptedPackage stream (a password-protected .xlsx) |
// | legacy-xls            | an OLE file with a Workbook stream (an .xls renamed .xlsx) |
// | lock-file             | ~$sample.xlsx: an Excel lock file (165 bytes: the user's name) |
//
// `bigSheetWorkbook(rows)` is a one-sheet workbook of `rows` KPI rows (the sample's 3-2 repeated).
//
// Run: `npm run build:cli && npm run fixtures -- [DIR]` (default DIR: test-output/fixtures).
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import {
  type CellContent,
  type ColumnKey,
  type FiscalLabels,
  type SampleRow,
  type SheetStyle,
  addPageSheets,
  buildSampleWorkbook,
  createSampleWorkbook,
  loadSampleRows,
  narrowMeasureStyle,
  newWorkbook,
  pageStyle,
  PAGES,
  projectRoot,
  setColumnWidths,
  setupPage,
  sheetTexts,
  wideMeasureStyle,
  workbookToBuffer,
  writeBlock,
} from "./build-sample";
import { oleFile, writeXlsx, type SheetSpec } from "./synthetic-xlsx";
import { readWorkbookBuffer } from "../src/adapters/xlsx/readWorkbook";
import type { GridCell, SheetGrid } from "../src/core/model";
import { repeatDataRows } from "./syntheticSheet";
import { buildCityFixtures } from "./cityLayouts";

export const FIXTURE_NAMES = [
  "sample",
  "numeric-formats",
  "single-sheet-single-header",
  "single-sheet-repeated-header",
  "fullwidth-digits",
  "extra-column",
  "r6",
  "hidden-rows",
  "formula-errors",
  "no-verification-sheet",
  "not-xlsx",
  "corrupt",
  "legacy-or-encrypted",
  "empty",
] as const;
export type FixtureName = (typeof FIXTURE_NAMES)[number];

type Overrides = Record<string, Partial<Record<ColumnKey, CellContent>>>;

/** A cellValue hook from overrides keyed by KPI name (the 数値目標's name on 数値目標 rows). */
function byKpi(overrides: Overrides): (row: SampleRow, key: ColumnKey) => CellContent | undefined {
  return (row, key) => overrides[row.kpi === "-" ? row.measure : row.kpi]?.[key];
}

const num = (value: number, numFmt: string): CellContent => ({ value, numFmt });
const formula = (f: string, result: ExcelJS.CellValue, numFmt: string): CellContent => ({
  value: { formula: f, result } as ExcelJS.CellFormulaValue,
  numFmt,
});
const text = (value: string): CellContent => ({ value });

function numericFormats(rows: SampleRow[]): ExcelJS.Workbook {
  const KEN = '#,##0"件"';
  const MAN = '0"万人"';
  const PCT = "0.0%";
  const wb = newWorkbook();
  addPageSheets(wb, rows, {
    cellValue: byKpi({
      新規求人数: {
        baseline: num(1563, KEN),
        previous: num(1486, KEN),
        actual: formula("1400+72", 1472, KEN),
        target: num(1594, KEN),
      },
      ほ場整備面積: { baseline: num(3923, '#,##0"ha"'), actual: formula("SUM(3900,42)", 3942, '#,##0"ha"') },
      年間観光入込客数: {
        baseline: num(331, MAN),
        previous: num(258, MAN),
        actual: num(258, MAN),
        target: num(378, MAN),
        finalTarget: num(365, MAN),
      },
      境地区の年間観光入込客数: { baseline: num(88271, '#,##0"人"') },
      妊婦健康診査受診率: {
        baseline: num(0.805, PCT),
        previous: num(0.821, PCT),
        actual: formula("ROUND(781/1000,3)", 0.781, PCT),
        target: num(0.82, PCT),
        finalTarget: num(0.82, PCT),
      },
    }),
  });
  return wb;
}

function singleSheetSingleHeader(rows: SampleRow[]): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("全体");
  const style: SheetStyle = { ...narrowMeasureStyle(), headerRows: 1 };
  setColumnWidths(ws, style);
  setupPage(ws);
  writeBlock(ws, 1, style, rows);
  return wb;
}

function singleSheetRepeatedHeader(rows: SampleRow[]): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("効果検証シート");
  setColumnWidths(ws, wideMeasureStyle("merged"));
  setupPage(ws);
  let r = 1;
  for (const page of PAGES) {
    const style = wideMeasureStyle(page === "1-1" ? "split" : "merged");
    r = writeBlock(
      ws,
      r,
      style,
      rows.filter((x) => x.page === page),
    );
    r++; // a blank row between page blocks
  }
  return wb;
}

function fullwidthDigits(rows: SampleRow[]): ExcelJS.Workbook {
  const wb = newWorkbook();
  addPageSheets(wb, rows, {
    cellValue: byKpi({
      新規求人数: {
        baseline: text("１，５６３件"),
        previous: text(" 1,486件 "),
        actual: text("１，４７２件"),
      },
      製造品出荷額等: { baseline: text("１１，９４２億円（平成３０年）") },
      "新技術・新製品等の開発数": { reason: text("\u3000") },
      妊婦健康診査受診率: { actual: text("７８．１％") },
      防犯灯設置数: { target: text("17,450基\u3000") },
    }),
  });
  return wb;
}

function withRemarkColumns(style: SheetStyle): SheetStyle {
  const columns = [...style.columns];
  columns.splice(columns.findIndex((c) => c.key === "status") + 1, 0, { key: "remark", widths: [10] });
  if (columns[columns.length - 1].key !== "remark") columns.push({ key: "remark", widths: [10] });
  return { ...style, columns };
}

function extraColumn(rows: SampleRow[]): ExcelJS.Workbook {
  const wb = newWorkbook();
  const remarks: Record<string, string> = { 新規求人数: "速報値", 出生数: "人口動態統計による" };
  addPageSheets(wb, rows, {
    style: (page) => withRemarkColumns(pageStyle(page)),
    cellValue: (row, key, occurrence) => {
      const name = row.kpi === "-" ? row.measure : row.kpi;
      // Only the first 備考 column carries text; the one at the end stays empty.
      return key === "remark" && occurrence === 0 && remarks[name] ? text(remarks[name]) : undefined;
    },
  });
  return wb;
}

/** Moves a reference period on a year: (令和3年) -> (令和4年), (令和元年度) -> (令和2年度). */
function bumpPeriods(s: string): string {
  return s.replace(/(令和|平成|R|H)(元|\d+)(年度|年)/g, (_m, era: string, y: string, unit: string) => {
    const next = (y === "元" ? 1 : Number(y)) + 1;
    return `${era}${next}${unit}`;
  });
}

/** Scales every quantity in a value (not the years of its periods), keeping decimals and commas. */
export function scaleValue(s: string, factor: number): string {
  if (!/\d/.test(s) || /閏年|なし/.test(s)) return s;
  // Digits of reference periods are marked with a private-use character so they are not scaled.
  const withMarks = s.replace(/(令和|平成|R|H)(元|\d+)(年度|年)/g, (m) =>
    m.replace(/\d/g, (d) => `\uE000${d}`),
  );
  const scaled = withMarks.replace(/(?<!\uE000)\d[\d,]*(?:\.\d+)?/g, (m) => {
    const decimals = m.includes(".") ? m.split(".")[1].length : 0;
    const n = Number(m.replace(/,/g, "")) * factor;
    const fixed = n.toFixed(decimals);
    if (!m.includes(",")) return fixed;
    const [i, d] = fixed.split(".");
    return i.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (d ? `.${d}` : "");
  });
  return scaled.replace(/\uE000/g, "");
}

export const FY2024: FiscalLabels = { year: "令和6年度", previousYear: "令和5年度" };

/** The FY2023 rows moved on a year, as a FY2024 (令和6年度) sheet would hold them. */
export function shiftToFy2024(rows: SampleRow[]): SampleRow[] {
  return rows.map((r) => ({
    ...r,
    previous: r.actual,
    actual: bumpPeriods(scaleValue(r.actual, 1.02)),
    target: bumpPeriods(scaleValue(r.target, 1.02)),
  }));
}

function r6(rows: SampleRow[]): ExcelJS.Workbook {
  const wb = newWorkbook();
  addPageSheets(wb, shiftToFy2024(rows), { texts: sheetTexts(FY2024) });
  return wb;
}

function hiddenRows(rows: SampleRow[]): ExcelJS.Workbook {
  const wb = createSampleWorkbook(rows);
  const ws = wb.getWorksheet("1-1")!;
  ws.getRow(9).hidden = true;
  ws.getRow(10).hidden = true;
  ws.getColumn(6).hidden = true;
  return wb;
}

function formulaErrors(rows: SampleRow[]): ExcelJS.Workbook {
  const wb = newWorkbook();
  addPageSheets(wb, rows, {
    cellValue: byKpi({
      製造品出荷額等: {
        actual: formula("G100/H100", { error: "#DIV/0!" } as ExcelJS.CellErrorValue, "General"),
      },
      出生数: {
        actual: formula(
          'VLOOKUP("出生数",P1:Q2,2,FALSE)',
          { error: "#N/A" } as ExcelJS.CellErrorValue,
          "General",
        ),
      },
      防犯灯設置数: { actual: { value: { error: "#VALUE!" } as ExcelJS.CellErrorValue } },
    }),
  });
  return wb;
}

function noVerificationSheet(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("名簿");
  ws.addRow(["氏名", "所属", "内線"]);
  ws.addRow(["伊勢崎 太郎", "企画調整課", 1234]);
  ws.addRow(["境 花子", "商工労働課", 2345]);
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 16;
  return wb;
}

const NOT_XLSX_TEXT =
  "大基本目標,小基本目標,重要業績評価指標,令和5年度実績値\n1 しごとの創生,1-1 安定した雇用の創出,新規求人数,1472件\n";

/** Writes every fixture into `dir` (created if needed) and returns name -> absolute path. */
export async function buildFixtures(dir: string): Promise<Record<FixtureName, string>> {
  fs.mkdirSync(dir, { recursive: true });
  const rows = loadSampleRows();
  const sample = await buildSampleWorkbook();
  const out = {} as Record<FixtureName, string>;
  const put = (name: FixtureName, data: Buffer | string): void => {
    const file = path.resolve(dir, `${name}.xlsx`);
    fs.writeFileSync(file, data);
    out[name] = file;
  };
  const workbooks: [FixtureName, () => ExcelJS.Workbook][] = [
    ["numeric-formats", () => numericFormats(rows)],
    ["single-sheet-single-header", () => singleSheetSingleHeader(rows)],
    ["single-sheet-repeated-header", () => singleSheetRepeatedHeader(rows)],
    ["fullwidth-digits", () => fullwidthDigits(rows)],
    ["extra-column", () => extraColumn(rows)],
    ["r6", () => r6(rows)],
    ["hidden-rows", () => hiddenRows(rows)],
    ["formula-errors", () => formulaErrors(rows)],
    ["no-verification-sheet", () => noVerificationSheet()],
  ];
  put("sample", sample);
  for (const [name, make] of workbooks) put(name, await workbookToBuffer(make()));
  put("not-xlsx", NOT_XLSX_TEXT);
  put("corrupt", sample.subarray(0, 2000));
  const ole = Buffer.alloc(4096, 0x5a);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  put("legacy-or-encrypted", ole);
  put("empty", Buffer.alloc(0));
  return out;
}

export const HOSTILE_NAMES = [
  "uncalculated-formula",
  "no-r-attributes",
  "escape-sequences",
  "formula-like-text",
  "merge-to-last-row",
  "formatted-empty-cells",
  "long-shared-string",
  "encrypted",
  "legacy-xls",
  "lock-file",
] as const;
export type HostileName = (typeof HOSTILE_NAMES)[number];

const LAST_ROW = 1_048_575;

async function sampleGrids(): Promise<SheetGrid[]> {
  return readWorkbookBuffer(await buildSampleWorkbook(), "sample.xlsx");
}

/** A copy of the grids with cells set (value and text alike) or removed (null), by sheet and A1. */
function edit(grids: SheetGrid[], sheet: string, changes: Record<string, string | null>): SheetGrid[] {
  return grids.map((g) => {
    if (g.name !== sheet) return g;
    const cells = new Map(g.cells.map((c) => [`${c.row},${c.col}`, c] as [string, GridCell]));
    for (const [ref, value] of Object.entries(changes)) {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const row = Number(m[2]) - 1;
      if (value === null) cells.delete(`${row},${col}`);
      else cells.set(`${row},${col}`, { row, col, value, text: value, format: "General" });
    }
    const sorted = [...cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    return { ...g, cells: sorted };
  });
}

const specs = (grids: SheetGrid[], extra: Record<string, Partial<SheetSpec>> = {}): SheetSpec[] =>
  grids.map((grid) => ({ grid, ...extra[grid.name] }));

/** Writes the hostile fixtures into `dir` and returns name -> absolute path. */
export async function buildHostileFixtures(dir: string): Promise<Record<HostileName, string>> {
  fs.mkdirSync(dir, { recursive: true });
  const grids = await sampleGrids();
  const out = {} as Record<HostileName, string>;
  const put = (name: HostileName, data: Uint8Array, file = `${name}.xlsx`): void => {
    out[name] = path.resolve(dir, file);
    fs.writeFileSync(out[name], data);
  };
  put(
    "uncalculated-formula",
    writeXlsx(specs(edit(grids, "1-1", { I6: null }), { "1-1": { uncalculated: { I6: "SUM(G6:H6)" } } })),
  );
  put(
    "no-r-attributes",
    writeXlsx(specs(grids, Object.fromEntries(grids.map((g) => [g.name, { noRefs: true }])))),
  );
  put(
    "escape-sequences",
    writeXlsx(
      specs(
        edit(grids, "1-1", {
          C6: "新規求人数_x001B_[2J_x001B_]0;pwned_x0007_\u009b31m\u202e",
          N6: "_x001B_[31m商工労働課",
          N9: "_x001B_[31m商工労働課",
        }),
      ),
    ),
  );
  put("formula-like-text", writeXlsx(specs(edit(grids, "1-1", { L6: " =1+1 ", N9: '＝HYPERLINK("x")' }))));
  put(
    "merge-to-last-row",
    writeXlsx(
      specs(grids, {
        "1-1": {
          extraMerges: [
            { top: 16, left: 4, bottom: LAST_ROW, right: 4 },
            { top: 0, left: 14, bottom: LAST_ROW, right: 14 },
          ],
        },
      }),
    ),
  );
  put(
    "formatted-empty-cells",
    writeXlsx(specs(grids, { "3-2": { formattedEmpty: { top: 20, rows: 1000, cols: 1000 } } })),
  );
  put("long-shared-string", writeXlsx(specs(edit(grids, "1-1", { P1: "長".repeat(1_100_000) }))));
  put("encrypted", oleFile("EncryptedPackage"));
  put("legacy-xls", oleFile("Workbook"));
  const lock = Buffer.alloc(165, 0x20);
  lock[0] = 6;
  lock.write("kensho", 1, "latin1");
  put("lock-file", lock, "~$sample.xlsx");
  return out;
}

/** A one-sheet workbook of `rows` KPI rows: the sample's sheet 3-2 with its data rows repeated. */
export async function bigSheetWorkbook(rows: number): Promise<Uint8Array> {
  const sheet = (await sampleGrids()).find((g) => g.name === "3-2")!;
  return writeXlsx([{ grid: repeatDataRows(sheet, 5, rows) }]);
}

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? path.join(projectRoot(), "test-output", "fixtures"));
  const files = await buildFixtures(dir);
  for (const [name, file] of Object.entries(files)) console.log(`${name}\t${file}`);
  // Other cities' layouts (issue 22), in a folder of their own beside the sample's fixtures.
  for (const [name, f] of Object.entries(buildCityFixtures(path.join(dir, "cities"))))
    console.log(`city:${name}\t${f.xlsx}${f.profile ? `\t${f.profile}` : ""}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
