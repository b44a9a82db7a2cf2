// Reads an .xlsx file into the core's SheetGrid contract with ExcelJS. Read only: the file is
// loaded into memory once and never written back.
import { promises as fs } from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import type { CellArea, CellValue, GridCell, SheetGrid } from "../../core/model";
import { WorkbookReadError } from "./errors";
import { formatNumber } from "./formatNumber";
import type { UnreadableReason } from "./messages";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
/** OLE compound file: legacy .xls, and also every password-protected .xlsx. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (buf: Uint8Array, magic: number[]): boolean =>
  buf.length >= magic.length && magic.every((b, i) => buf[i] === b);

/** Classifies a file by its first bytes; null when it looks like a zip (an .xlsx candidate). */
export function sniffWorkbookBytes(buf: Uint8Array): UnreadableReason | null {
  if (buf.length === 0) return "empty";
  if (startsWith(buf, OLE_MAGIC)) return "legacy-or-encrypted";
  if (startsWith(buf, EMPTY_ZIP_MAGIC)) return "corrupt";
  if (!startsWith(buf, ZIP_MAGIC)) return "not-zip";
  return null;
}

export async function readWorkbookFile(filePath: string): Promise<SheetGrid[]> {
  const name = path.basename(filePath);
  let buf: Buffer;
  try {
    const stat = await fs.stat(filePath);
    if (stat.isDirectory()) throw new WorkbookReadError("is-directory", name);
    buf = await fs.readFile(filePath);
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    const code = (err as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new WorkbookReadError("not-found", name, { cause: err });
    if (code === "EISDIR") throw new WorkbookReadError("is-directory", name, { cause: err });
    throw new WorkbookReadError("io-error", name, { cause: err });
  }
  return readWorkbookBuffer(buf, name);
}

export async function readWorkbookBuffer(buf: Buffer | Uint8Array, name = ""): Promise<SheetGrid[]> {
  const sniffed = sniffWorkbookBytes(buf);
  if (sniffed) throw new WorkbookReadError(sniffed, name);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want its own Buffer type; a Node Buffer view over the same bytes is accepted.
    const nodeBuf = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    await workbook.xlsx.load(nodeBuf as unknown as ExcelJS.Buffer);
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    // JSZip reports truncated or damaged archives; anything else is a workbook ExcelJS cannot parse.
    const zipProblem = /zip|central directory|end of data|signature|invalid|corrupt/i.test(text);
    throw new WorkbookReadError(zipProblem ? "corrupt" : "parse-failed", name, { cause: err });
  }
  if (workbook.worksheets.length === 0) throw new WorkbookReadError("no-worksheets", name);
  return workbook.worksheets.map(readSheet);
}

/** "C4:D5" or "C4" -> a 0-based inclusive area. */
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
  // ExcelJS gives dates as UTC; a whole day reads better as a plain date.
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(/\.000Z$|Z$/, "");
}

const richTextToPlain = (rt: ExcelJS.CellRichTextValue): string => rt.richText.map((r) => r.text).join("");

interface Converted {
  value: CellValue;
  text: string;
}

/** A plain (non-formula) value, or a formula's cached result, converted to the core's types. */
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
      const s = richTextToPlain(o as unknown as ExcelJS.CellRichTextValue);
      return { value: s, text: s };
    }
    // Hyperlink: { text, hyperlink }, where text may itself be rich text.
    if ("text" in o) return convertPlain(o.text, format);
    if ("formula" in o || "sharedFormula" in o) return convertPlain(o.result, format);
  }
  const s = String(v);
  return { value: s, text: s };
}

function convertCell(cell: ExcelJS.Cell, format: string): Converted {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    // A merged area's other cells echo the master's value in ExcelJS; Excel reports them empty.
    // eslint-disable-next-line no-fallthrough
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
  for (let c = 0; c <= lastCol; c++) {
    if (ws.getColumn(c + 1).hidden) hiddenCols.push(c);
  }

  return {
    name: ws.name,
    cells,
    merges,
    hiddenRows,
    hiddenCols,
  };
}
