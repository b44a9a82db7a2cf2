// The previous reader (ExcelJS), kept only here: tests compare the streaming reader with it on
// every fixture, so that the change is invisible on ordinary workbooks. Not used by kensho.
import * as ExcelJS from "exceljs";
import type { CellArea, CellValue, GridCell, SheetGrid } from "../../src/core/model";
import { formatNumber } from "../../src/adapters/xlsx/formatNumber";

function decodeRange(ref: string): CellArea | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const col = (letters: string): number =>
    letters
      .toUpperCase()
      .split("")
      .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[2]) - 1;
  const left = col(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? col(m[3]) : left;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(/\.000Z$|Z$/, "");
}

interface Converted {
  value: CellValue;
  text: string;
}

function convertPlain(v: unknown, format: string): Converted {
  if (v === null || v === undefined) return { value: null, text: "" };
  if (typeof v === "number") return { value: v, text: formatNumber(v, format) };
  if (typeof v === "string") return { value: v, text: v };
  if (typeof v === "boolean") return { value: v, text: v ? "TRUE" : "FALSE" };
  if (v instanceof Date) {
    const s = isoDate(v);
    return { value: s, text: s };
  }
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { value: o.error, text: o.error };
    if (Array.isArray(o.richText)) {
      const s = (o.richText as { text: string }[]).map((r) => r.text).join("");
      return { value: s, text: s };
    }
    if ("text" in o) return convertPlain(o.text, format);
    if ("formula" in o || "sharedFormula" in o) return convertPlain(o.result, format);
  }
  const s = String(v);
  return { value: s, text: s };
}

function convertCell(cell: ExcelJS.Cell, format: string): Converted {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return { value: null, text: "" };
    case ExcelJS.ValueType.Formula:
      return convertPlain((cell.value as ExcelJS.CellFormulaValue).result, format);
    default:
      return convertPlain(cell.value, format);
  }
}

function readSheet(ws: ExcelJS.Worksheet): SheetGrid {
  const merges: CellArea[] = [];
  for (const ref of ws.model.merges ?? []) {
    const area = decodeRange(ref);
    if (area) merges.push(area);
  }
  const cells: GridCell[] = [];
  const hiddenRows: number[] = [];
  const hiddenCols: number[] = [];
  let lastCol = -1;
  ws.eachRow({ includeEmpty: true }, (row) => {
    const r = Number(row.number) - 1;
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Null || cell.type === ExcelJS.ValueType.Merge) return;
      const format = cell.numFmt || "General";
      const { value, text } = convertCell(cell, format);
      if ((value === null || value === "") && text === "") return;
      const c = Number(cell.col) - 1;
      lastCol = Math.max(lastCol, c);
      cells.push({ row: r, col: c, value, text, format });
    });
  });
  for (const m of merges) lastCol = Math.max(lastCol, m.right);
  for (let c = 0; c <= lastCol; c++) if (ws.getColumn(c + 1).hidden) hiddenCols.push(c);
  return { name: ws.name, cells, merges, hiddenRows, hiddenCols };
}

/** Every worksheet as the ExcelJS reader gave it. */
export async function readWithExcelJs(file: string): Promise<SheetGrid[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map(readSheet);
}
