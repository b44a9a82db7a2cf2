// Turning what Office.js loaded into SheetGrid parts: values, texts and formats into a sparse grid,
// visible areas into hidden rows and columns.
/* global Excel */

import type { CellArea, CellValue, SheetGrid } from "../../core/model";
import { gridFromArrays } from "../../core/grid";
import { parseAreas } from "./a1";
import { apiAtLeast } from "./support";
import type { HostSupport } from "./workbookHost";

/** A used range's position and size (0-based). */
export interface Dims {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** One sheet as read: its grid and its used range. */
export interface Part {
  grid: SheetGrid;
  dims: Dims;
}

function toCellValue(v: unknown): CellValue {
  if (v === "" || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null) return v;
  return String(v);
}

export function gridFrom(
  name: string,
  dims: Dims,
  values: unknown[][],
  texts: string[][],
  formats: unknown[][],
): SheetGrid {
  return gridFromArrays(
    name,
    values.map((row) => row.map(toCellValue)),
    {
      texts: texts.map((row) => row.map((t) => t ?? "")),
      formats: formats.map((row) => row.map((f) => (typeof f === "string" ? f : "General"))),
      originRow: dims.rowIndex,
      originCol: dims.columnIndex,
    },
  );
}

/** Rows and columns of the used range that no visible area covers. */
function hiddenFromVisible(dims: Dims, visible: CellArea[] | null): { rows: number[]; cols: number[] } {
  const rows: number[] = [];
  const cols: number[] = [];
  if (visible === null) {
    // Nothing visible at all: report the rows hidden (the core skips hidden rows; columns rarely all hide).
    for (let r = 0; r < dims.rowCount; r++) rows.push(dims.rowIndex + r);
    return { rows, cols };
  }
  const rowSeen = new Uint8Array(dims.rowCount);
  const colSeen = new Uint8Array(dims.columnCount);
  for (const a of visible) {
    for (
      let r = Math.max(a.top, dims.rowIndex);
      r <= Math.min(a.bottom, dims.rowIndex + dims.rowCount - 1);
      r++
    )
      rowSeen[r - dims.rowIndex] = 1;
    for (
      let c = Math.max(a.left, dims.columnIndex);
      c <= Math.min(a.right, dims.columnIndex + dims.columnCount - 1);
      c++
    )
      colSeen[c - dims.columnIndex] = 1;
  }
  rowSeen.forEach((seen, i) => seen || rows.push(dims.rowIndex + i));
  colSeen.forEach((seen, i) => seen || cols.push(dims.columnIndex + i));
  return { rows, cols };
}

/** getSpecialCells (1.9) reports hidden rows and columns in one proxy per sheet. */
export function queueVisible(
  used: Excel.Range,
  support: HostSupport,
): (dims: Dims) => { rows: number[]; cols: number[] } {
  const visible = apiAtLeast(support.excelApi, "1.9") ? used.getSpecialCellsOrNullObject("Visible") : null;
  visible?.load("address");
  return (dims) =>
    visible
      ? hiddenFromVisible(dims, visible.isNullObject ? null : parseAreas(visible.address))
      : { rows: [], cols: [] };
}

/**
 * Before ExcelApi 1.9 there is no getSpecialCells: hidden rows and columns come from one proxy per
 * row and column, in one extra sync (fixed; proxies grow with rows, syncs do not).
 */
export async function readHiddenPerRow(ctx: Excel.RequestContext, parts: Part[]): Promise<void> {
  const jobs = parts.map(({ grid: g, dims: d }) => {
    const sheet = ctx.workbook.worksheets.getItem(g.name);
    const rows = Array.from({ length: d.rowCount }, (_, i) =>
      sheet.getRangeByIndexes(d.rowIndex + i, d.columnIndex, 1, 1).load("rowHidden"),
    );
    const cols = Array.from({ length: d.columnCount }, (_, j) =>
      sheet.getRangeByIndexes(d.rowIndex, d.columnIndex + j, 1, 1).load("columnHidden"),
    );
    return () => {
      g.hiddenRows = rows.flatMap((r, i) => (r.rowHidden ? [d.rowIndex + i] : []));
      g.hiddenCols = cols.flatMap((c, j) => (c.columnHidden ? [d.columnIndex + j] : []));
    };
  });
  if (jobs.length === 0) return;
  await ctx.sync();
  jobs.forEach((apply) => apply());
}
