// A worksheet part, streamed: only the cells with content are kept, with merged areas, hidden rows
// and hidden columns. Formatted empty cells, merged areas down to row 1,048,576 and column ranges
// across the sheet cost nothing beyond parsing them.
import type { CellArea, GridCell, SheetGrid } from "../../../core/model";
import { XmlStream, xmlTrue } from "../package";
import { cellContent, type CellXml } from "./cellValue";
import { decodeAreaRef, decodeCellRefInto, type CellPosition } from "./cellRef";
import { WorkbookReadError } from "./errors";

export interface WorksheetContext {
  name: string;
  file?: string;
  sharedStrings: readonly string[];
  /** Number format code per cell style index (the `s` attribute). */
  formats: readonly string[];
  date1904: boolean;
  /** The most cells this sheet may hold, and which limit that is. */
  maxCells: number;
  limitReason: "too-many-cells" | "too-many-cells-total";
  limitValue: number;
  maxStringChars: number;
}

/** A sink for a worksheet part's bytes: `write` each chunk, then `end` for the grid. */
export function worksheetReader(ctx: WorksheetContext) {
  const cells: GridCell[] = [];
  const merges: CellArea[] = [];
  const hiddenRows: number[] = [];
  const hiddenColRanges: [number, number][] = [];
  let inSheetData = false;
  let inCols = false;
  let row = -1;
  let col = -1;
  let lastRow = -1;
  let lastCol = -1;
  let sorted = true;
  // The cell being read.
  let inCell = false;
  let cellRow = 0;
  let cellCol = 0;
  let style = 0;
  const x: CellXml = { type: undefined, hasV: false, v: "", inline: "", hasFormula: false };
  let inV = false;
  let inIs = false;
  let inIsText = false;
  let phonetic = 0;
  /** Where each cell's reference is decoded to: one object for the whole sheet. */
  const at: CellPosition = { row: 0, col: 0 };

  const tooLong = () =>
    new WorkbookReadError("string-too-long", { file: ctx.file, sheet: ctx.name, limit: ctx.maxStringChars });

  const xml = new XmlStream({
    open(name, a) {
      if (inCell) {
        if (name === "v") {
          inV = true;
          x.hasV = true;
        } else if (name === "f") x.hasFormula = true;
        else if (name === "is") inIs = true;
        else if (name === "rPh") phonetic++;
        else if (name === "t" && inIs && phonetic === 0) inIsText = true;
        return;
      }
      if (inSheetData) {
        if (name === "c") {
          if (a.r !== undefined && decodeCellRefInto(a.r, at)) {
            cellRow = at.row;
            cellCol = at.col;
          } else {
            // Excel accepts cells (and rows) without their reference: they follow the previous one.
            cellRow = row < 0 ? 0 : row;
            cellCol = col + 1;
          }
          col = cellCol;
          inCell = true;
          style = a.s === undefined ? 0 : Number(a.s) || 0;
          x.type = a.t;
          x.hasV = false;
          x.v = "";
          x.inline = "";
          x.hasFormula = false;
        } else if (name === "row") {
          const r = a.r === undefined ? NaN : Number(a.r);
          row = Number.isInteger(r) && r >= 1 ? r - 1 : row + 1;
          col = -1;
          if (xmlTrue(a.hidden)) hiddenRows.push(row);
        }
        return;
      }
      if (name === "sheetData") inSheetData = true;
      else if (name === "cols") inCols = true;
      else if (name === "col" && inCols && xmlTrue(a.hidden)) {
        const min = Number(a.min);
        const max = Number(a.max ?? a.min);
        if (Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min)
          hiddenColRanges.push([min - 1, max - 1]);
      } else if (name === "mergeCell" && a.ref) {
        const area = decodeAreaRef(a.ref);
        if (area) merges.push(area);
      }
    },
    text(t) {
      if (inV) x.v += t;
      else if (inIsText) {
        x.inline += t;
        if (x.inline.length > ctx.maxStringChars) throw tooLong();
      }
    },
    close(name) {
      if (inCell) {
        if (name === "v") inV = false;
        else if (name === "t") inIsText = false;
        else if (name === "is") inIs = false;
        else if (name === "rPh") phonetic = Math.max(0, phonetic - 1);
        else if (name === "c") {
          inCell = false;
          addCell();
        }
        return;
      }
      if (name === "sheetData") inSheetData = false;
      else if (name === "cols") inCols = false;
    },
  });

  function addCell(): void {
    // A formatted empty cell (<c r="B1" s="3"/>), most of what some writers put in a sheet, holds
    // nothing to read: no value, no inline string, no formula.
    if (!x.hasV && !x.hasFormula && x.inline === "") return;
    if (x.v.length > ctx.maxStringChars) throw tooLong();
    const format = ctx.formats[style] ?? "General";
    const content = cellContent(x, format, ctx.sharedStrings, ctx.date1904);
    if ((content.value === null || content.value === "") && content.text === "" && !content.uncalculated)
      return;
    if (cells.length >= ctx.maxCells)
      throw new WorkbookReadError(ctx.limitReason, {
        file: ctx.file,
        sheet: ctx.name,
        limit: ctx.limitValue,
      });
    const cell: GridCell = { row: cellRow, col: cellCol, value: content.value, text: content.text, format };
    if (content.uncalculated) cell.uncalculated = true;
    if (cellRow < lastRow || (cellRow === lastRow && cellCol <= lastCol)) sorted = false;
    lastRow = cellRow;
    lastCol = cellCol;
    cells.push(cell);
  }

  return {
    write: (chunk: Uint8Array) => xml.writeBytes(chunk),
    end(): SheetGrid {
      xml.end();
      const ordered = sorted ? cells : sortAndDedupe(cells);
      const kept = merges.length > 0 ? dropMergedNonAnchors(ordered, merges) : ordered;
      let bottom = -1;
      let right = -1;
      for (const c of kept) {
        if (c.row > bottom) bottom = c.row;
        if (c.col > right) right = c.col;
      }
      for (const m of merges) if (m.right > right) right = m.right;
      const hiddenCols: number[] = [];
      for (const [min, max] of hiddenColRanges)
        for (let c = min; c <= Math.min(max, right); c++) hiddenCols.push(c);
      return {
        name: ctx.name,
        cells: kept,
        merges,
        // Hidden rows or columns beyond the content hide nothing staff could see.
        hiddenRows: hiddenRows.filter((r) => r <= bottom),
        hiddenCols: [...new Set(hiddenCols)].sort((a, b) => a - b),
      };
    },
  };
}

/** Row-major order with one cell per position (the last written wins), for out-of-order files. */
function sortAndDedupe(cells: GridCell[]): GridCell[] {
  const indexed = cells.map((c, i) => ({ c, i }));
  indexed.sort((a, b) => a.c.row - b.c.row || a.c.col - b.c.col || a.i - b.i);
  const out: GridCell[] = [];
  for (const { c } of indexed) {
    const prev = out[out.length - 1];
    if (prev && prev.row === c.row && prev.col === c.col) out[out.length - 1] = c;
    else out.push(c);
  }
  return out;
}

/**
 * Inside a merged area Excel shows only the top-left cell; any value the file keeps in the others
 * is invisible to staff, so it is dropped, as Excel (and the previous reader) do.
 */
function dropMergedNonAnchors(cells: GridCell[], merges: CellArea[]): GridCell[] {
  const byCol = new Map<number, CellArea[]>();
  let maxCol = -1;
  for (const c of cells) if (c.col > maxCol) maxCol = c.col;
  for (const m of merges) {
    for (let c = m.left; c <= Math.min(m.right, maxCol); c++) {
      let list = byCol.get(c);
      if (!list) byCol.set(c, (list = []));
      list.push(m);
    }
  }
  for (const list of byCol.values()) list.sort((a, b) => a.top - b.top);
  return cells.filter((cell) => {
    const list = byCol.get(cell.col);
    if (!list) return true;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = list[mid];
      if (cell.row < m.top) hi = mid - 1;
      else if (cell.row > m.bottom) lo = mid + 1;
      else return cell.row === m.top && cell.col === m.left;
    }
    return true;
  });
}
