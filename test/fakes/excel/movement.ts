// Cells that move, as people move them and as the Office.js calls for the same actions do
// ([cellsMove], markRules.ts): rows inserted (Range.insert, ExcelApi 1.1), a sort (RangeSort.apply,
// 1.2), a cut and paste (Range.moveTo, 1.11) and a copied sheet (Worksheet.copy, 1.7). Values,
// formats, data validation, notes, threaded comments and conditional formats go with their cells.
// The person's versions (FakeExcel.sortRange, cutAndPaste, copySheet, insertRows) and the API calls
// share this code.
import type { CellArea, CellValue } from "../../../src/core/model";
import { cellAddress, parseArea } from "../../../src/adapters/excel/a1";
import { parseA1 } from "../../../src/core/address";
import {
  conditionalFormatsOf,
  newFormatId,
  setConditionalFormats,
  type FCondFormat,
} from "./conditionalFormats";
import type { FakeContext } from "./context";
import { FakeOfficeError } from "./errors";
import { FSheet, MAX_COL, MAX_ROW, shiftSheet, type FCell, type FComment } from "./model";

/** What moving cells needs from the fake workbook. */
export interface MoveHost {
  sheets: FSheet[];
  comments: FComment[];
  sheetSeq: number;
  commentSeq: number;
}

/** Where a cell goes: a new place, null (gone: overwritten or deleted), or undefined (it stays). */
export type CellMap = (row: number, col: number) => { row: number; col: number } | null | undefined;

function inArea(a: CellArea, row: number, col: number): boolean {
  return row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
}

/** Single cells grouped back into rectangles: runs along each row, runs of equal runs down. */
export function coalesce(cells: Array<{ row: number; col: number }>): CellArea[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c.col]);
  const runs: CellArea[] = [];
  for (const [row, cols] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const sorted = [...new Set(cols)].sort((a, b) => a - b);
    let start = sorted[0];
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
      runs.push({ top: row, bottom: row, left: start, right: sorted[i - 1] });
      start = sorted[i];
    }
  }
  const out: CellArea[] = [];
  for (const r of runs) {
    const above = out.find((o) => o.left === r.left && o.right === r.right && o.bottom === r.top - 1);
    if (above) above.bottom = r.bottom;
    else out.push({ ...r });
  }
  return out;
}

function remapFormats(sheet: FSheet, map: CellMap): void {
  const kept: FCondFormat[] = [];
  for (const cf of conditionalFormatsOf(sheet)) {
    const cells: Array<{ row: number; col: number }> = [];
    for (const a of cf.areas) {
      // Formats over whole columns or rows stay where they are (a city's rule over A:Z); only what
      // moves is remapped cell by cell.
      if ((a.bottom - a.top + 1) * (a.right - a.left + 1) > 200_000) {
        cells.push({ row: -1, col: -1 });
        continue;
      }
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) {
          const to = map(r, c);
          if (to === null) continue;
          cells.push(to ?? { row: r, col: c });
        }
    }
    const huge = cf.areas.filter((a) => (a.bottom - a.top + 1) * (a.right - a.left + 1) > 200_000);
    const areas = [...huge, ...coalesce(cells.filter((c) => c.row >= 0))];
    if (areas.length > 0) kept.push({ ...cf, areas });
  }
  setConditionalFormats(sheet, kept);
}

/** Moves every cell, note, threaded comment and conditional format of the sheet as `map` says. */
export function remapSheet(host: MoveHost, sheet: FSheet, map: CellMap): void {
  const cells = new Map<string, FCell>();
  const moved: Array<[string, FCell]> = [];
  for (const [key, cell] of sheet.cells) {
    const [r, c] = key.split(",").map(Number);
    const to = map(r, c);
    if (to === null) continue;
    if (to === undefined) cells.set(key, cell);
    else moved.push([`${to.row},${to.col}`, cell]);
  }
  // What moves in replaces what stood there.
  for (const [key, cell] of moved) cells.set(key, cell);
  sheet.cells = cells;

  const notes = new Map<string, { content: string }>();
  const movedNotes: Array<[string, { content: string }]> = [];
  for (const [address, note] of sheet.notes) {
    const p = parseA1(address)!;
    const to = map(p.row, p.col);
    if (to === null) continue;
    if (to === undefined) notes.set(address, note);
    else movedNotes.push([cellAddress(to.row, to.col), note]);
  }
  for (const [address, note] of movedNotes) notes.set(address, note);
  sheet.notes = notes;

  const comments: FComment[] = [];
  const movedComments: FComment[] = [];
  for (const c of host.comments) {
    if (c.sheet !== sheet) {
      comments.push(c);
      continue;
    }
    const to = map(c.row, c.col);
    if (to === null) continue;
    if (to === undefined) comments.push(c);
    else movedComments.push({ ...c, row: to.row, col: to.col });
  }
  const landed = new Set(movedComments.map((c) => `${c.row},${c.col}`));
  host.comments = [
    ...comments.filter((c) => c.sheet !== sheet || !landed.has(`${c.row},${c.col}`)),
    ...movedComments,
  ];
  remapFormats(sheet, map);
}

// --- the actions ------------------------------------------------------------------------------

/** Rows inserted before 0-based `at`: cells, notes, comments, merges, hidden rows and formats move down. */
export function insertRows(host: MoveHost, sheet: FSheet, at: number, count: number): void {
  host.comments = shiftSheet(sheet, host.comments, "rows", at, count, cellAddress, parseA1);
  remapFormats(sheet, (r, c) => (r >= at ? { row: r + count, col: c } : undefined));
}

/** Columns inserted before 0-based `at`. */
export function insertColumns(host: MoveHost, sheet: FSheet, at: number, count: number): void {
  host.comments = shiftSheet(sheet, host.comments, "cols", at, count, cellAddress, parseA1);
  remapFormats(sheet, (r, c) => (c >= at ? { row: r, col: c + count } : undefined));
}

/** Rows or columns deleted: what was on them is gone, the rest moves up or left. */
export function deleteLines(
  host: MoveHost,
  sheet: FSheet,
  axis: "rows" | "cols",
  at: number,
  count: number,
): void {
  host.comments = shiftSheet(sheet, host.comments, axis, at, -count, cellAddress, parseA1);
  remapFormats(sheet, (r, c) => {
    const i = axis === "rows" ? r : c;
    if (i < at) return undefined;
    if (i < at + count) return null;
    return axis === "rows" ? { row: r - count, col: c } : { row: r, col: c - count };
  });
}

/** Range.insert(shift) on an area: whole rows or columns, or the cells below (right of) it within its columns (rows). */
export function insertArea(host: MoveHost, sheet: FSheet, area: CellArea, shift: string): void {
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  if (shift === "Down" && area.left === 0 && area.right === MAX_COL)
    return insertRows(host, sheet, area.top, rows);
  if (shift === "Right" && area.top === 0 && area.bottom === MAX_ROW)
    return insertColumns(host, sheet, area.left, cols);
  if (shift === "Down")
    return remapSheet(host, sheet, (r, c) =>
      c >= area.left && c <= area.right && r >= area.top ? { row: r + rows, col: c } : undefined,
    );
  if (shift === "Right")
    return remapSheet(host, sheet, (r, c) =>
      r >= area.top && r <= area.bottom && c >= area.left ? { row: r, col: c + cols } : undefined,
    );
  throw new FakeOfficeError("InvalidArgument", `Range.insert: unknown shift ${shift}`);
}

/**
 * Range.moveTo (cut and paste) within a sheet: the source's cells land at `to` (its top-left),
 * replacing what was there; the source is left empty.
 */
export function moveArea(
  host: MoveHost,
  sheet: FSheet,
  from: CellArea,
  to: { row: number; col: number },
): void {
  const dr = to.row - from.top;
  const dc = to.col - from.left;
  const dest: CellArea = {
    top: from.top + dr,
    bottom: from.bottom + dr,
    left: from.left + dc,
    right: from.right + dc,
  };
  remapSheet(host, sheet, (r, c) => {
    if (inArea(from, r, c)) return { row: r + dr, col: c + dc };
    if (inArea(dest, r, c)) return null;
    return undefined;
  });
  // Merges inside the source move; merges overlapping the destination are replaced.
  sheet.merges = sheet.merges
    .filter(
      (m) =>
        !(m.top <= dest.bottom && dest.top <= m.bottom && m.left <= dest.right && dest.left <= m.right) ||
        inArea(from, m.top, m.left),
    )
    .map((m) =>
      inArea(from, m.top, m.left) && inArea(from, m.bottom, m.right)
        ? { top: m.top + dr, bottom: m.bottom + dr, left: m.left + dc, right: m.right + dc }
        : m,
    );
}

export interface SortFieldLike {
  key: number;
  ascending?: boolean;
}

/** Excel's ascending order: numbers, then text, then logical values; blanks always last. */
function rank(v: CellValue): number {
  if (v === null || v === "") return 3;
  if (typeof v === "number") return 0;
  if (typeof v === "boolean") return 2;
  return 1;
}

function compare(a: CellValue, b: CellValue, ascending: boolean): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra === 3 || rb === 3) return ra - rb; // blanks last either way
  const sign = ascending ? 1 : -1;
  if (ra !== rb) return sign * (ra - rb);
  if (typeof a === "number" && typeof b === "number") return sign * (a - b);
  return sign * String(a).localeCompare(String(b), "ja");
}

/** RangeSort.apply on rows: each row of the area (its header row kept) goes to its sorted place. */
export function sortArea(
  host: MoveHost,
  sheet: FSheet,
  area: CellArea,
  fields: SortFieldLike[],
  hasHeaders = false,
): void {
  // [cellsMove] harsher: Excel sorts merged cells only when all are the same size; the fake refuses any.
  if (
    sheet.merges.some(
      (m) => m.top <= area.bottom && area.top <= m.bottom && m.left <= area.right && area.left <= m.right,
    )
  )
    throw new FakeOfficeError(
      "InvalidOperation",
      "To do this, all the merged cells need to be the same size.",
    );
  const top = hasHeaders ? area.top + 1 : area.top;
  const rows = Array.from({ length: area.bottom - top + 1 }, (_, i) => top + i);
  const value = (r: number, key: number) => sheet.peek(r, area.left + key)?.value ?? null;
  const order = [...rows].sort((a, b) => {
    for (const f of fields) {
      const d = compare(value(a, f.key), value(b, f.key), f.ascending !== false);
      if (d !== 0) return d;
    }
    return a - b; // stable
  });
  const target = new Map(order.map((from, i) => [from, top + i]));
  remapSheet(host, sheet, (r, c) => {
    if (c < area.left || c > area.right || r < top || r > area.bottom) return undefined;
    const to = target.get(r)!;
    return to === r ? undefined : { row: to, col: c };
  });
}

function cloneCell(c: FCell): FCell {
  return {
    ...c,
    fill: c.fill ? { ...c.fill } : null,
    validation: c.validation ? JSON.parse(JSON.stringify(c.validation)) : null,
    font: c.font ? { ...c.font } : undefined,
  };
}

/** Worksheet.copy: the sheet whole, named "name (2)", placed where asked ("None" and "Beginning": first). */
export function copySheet(host: MoveHost, source: FSheet, position = "None", relativeTo?: FSheet): FSheet {
  let n = 2;
  while (host.sheets.some((s) => s.name === `${source.name} (${n})`)) n++;
  const copy = new FSheet(`{sheet-${++host.sheetSeq}}`, `${source.name} (${n})`);
  for (const [key, cell] of source.cells) copy.cells.set(key, cloneCell(cell));
  copy.merges = source.merges.map((m) => ({ ...m }));
  source.hiddenRows.forEach((r) => copy.hiddenRows.add(r));
  source.hiddenCols.forEach((c) => copy.hiddenCols.add(c));
  for (const [address, note] of source.notes) copy.notes.set(address, { ...note });
  copy.visibility = source.visibility;
  for (const c of host.comments.filter((c) => c.sheet === source))
    host.comments.push({ ...c, id: `c${++host.commentSeq}`, sheet: copy });
  setConditionalFormats(
    copy,
    conditionalFormatsOf(source).map((cf) => ({
      ...cf,
      id: newFormatId(),
      areas: cf.areas.map((a) => ({ ...a })),
    })),
  );
  const at =
    position === "End"
      ? host.sheets.length
      : position === "Before" && relativeTo
        ? host.sheets.indexOf(relativeTo)
        : position === "After" && relativeTo
          ? host.sheets.indexOf(relativeTo) + 1
          : 0;
  host.sheets.splice(at, 0, copy);
  return copy;
}

// --- the Office.js surface --------------------------------------------------------------------

function moveHost(ctx: FakeContext): MoveHost {
  return ctx.fake as unknown as MoveHost;
}

/** Range.sort (ExcelApi 1.2). */
export class FakeRangeSort {
  constructor(
    private readonly context: FakeContext,
    private readonly own: () => { sheet: FSheet; area: CellArea },
  ) {}
  apply(fields: SortFieldLike[], _matchCase?: boolean, hasHeaders?: boolean): void {
    this.context.requireApi("1.2", "RangeSort.apply");
    this.context.enqueue(() => {
      const t = this.own();
      this.context.write(t.sheet, t.area, false);
      sortArea(moveHost(this.context), t.sheet, t.area, fields, hasHeaders);
    });
  }
}

/** Range.moveTo (ExcelApi 1.11), within the sheet. */
export function queueMoveTo(
  context: FakeContext,
  own: () => { sheet: FSheet; area: CellArea },
  destination: string | { address?: string; resolveForChild?: () => { sheet: FSheet; area: CellArea } },
): void {
  context.requireApi("1.11", "Range.moveTo");
  context.enqueue(() => {
    const t = own();
    let to: CellArea | null;
    if (typeof destination === "string") {
      const bang = destination.lastIndexOf("!");
      if (
        bang >= 0 &&
        destination
          .slice(0, bang)
          .replace(/^'(.*)'$/, "$1")
          .replace(/''/g, "'") !== t.sheet.name
      )
        throw new Error("fake: Range.moveTo to another sheet is not implemented");
      to = parseArea(destination);
    } else {
      const d = destination.resolveForChild?.();
      if (d && d.sheet !== t.sheet) throw new Error("fake: Range.moveTo to another sheet is not implemented");
      to = d?.area ?? null;
    }
    if (!to) throw new FakeOfficeError("InvalidArgument", "Range.moveTo: no destination");
    const dest = {
      top: to.top,
      left: to.left,
      bottom: to.top + t.area.bottom - t.area.top,
      right: to.left + t.area.right - t.area.left,
    };
    writeBoth(context, t.sheet, t.area, dest);
    moveArea(moveHost(context), t.sheet, t.area, { row: to.top, col: to.left });
  });
}

function writeBoth(context: FakeContext, sheet: FSheet, from: CellArea, to: CellArea): void {
  context.write(sheet, from, false);
  context.write(sheet, to, false);
}

/** Range.insert (ExcelApi 1.1). */
export function queueInsert(
  context: FakeContext,
  own: () => { sheet: FSheet; area: CellArea },
  shift: string,
): void {
  context.requireApi("1.1", "Range.insert");
  context.enqueue(() => {
    const t = own();
    context.write(t.sheet, t.area, false);
    insertArea(moveHost(context), t.sheet, t.area, shift);
  });
}

/** Worksheet.copy (ExcelApi 1.7). */
export function queueCopySheet(
  context: FakeContext,
  own: () => FSheet,
  position?: string,
  relativeTo?: () => FSheet,
): () => FSheet | null {
  context.requireApi("1.7", "Worksheet.copy");
  let made: FSheet | null = null;
  context.enqueue(() => {
    context.write(null, null, false);
    made = copySheet(moveHost(context), own(), position, relativeTo?.());
  });
  return () => made;
}
