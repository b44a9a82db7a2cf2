// Where a header is: the rows that, read together, label the columns. Cities write one, two or three
// header rows: labels merged down over all of them, a year band (令和６年度) above 実績値 and 目標値,
// 数値目標 above 具体的な施策. Only the content cells of a row are looked at, never every column.
import type { GridCell } from "../model";
import type { SheetView } from "../sheetView";
import { displayText } from "../text";
import { isLabelText, mayBeLabel } from "./headerLabels";
import { labelKey } from "../text";
import { yearsIn } from "./yearForms";

export const MAX_HEADER_ROWS = 3;
/** A row that may start a header names at least this many labels in cells of its own. */
const MIN_CANDIDATE_LABELS = 3;
/** A band above the header is short: a title is not one. */
const MAX_BAND_TEXT = 40;

/** Cells a row holds itself: not the inside of a merged area anchored elsewhere, not blank. */
function ownCells(view: SheetView, row: number): GridCell[] {
  const out: GridCell[] = [];
  for (const c of view.rowCells(row)) {
    const m = view.mergeAt(row, c.col);
    if (m && (m.top !== row || m.left !== c.col)) continue;
    if (displayText(c).trim() === "") continue;
    out.push(c);
  }
  return out;
}

/** Cheap first look: does this row name several header labels in cells of its own? */
export function isHeaderCandidate(view: SheetView, row: number, min = MIN_CANDIDATE_LABELS): boolean {
  let n = 0;
  for (const c of view.rowCells(row)) {
    if (mayBeLabel(displayText(c)) && ++n >= min) return true;
  }
  return false;
}

/** A row below the header's first: mostly labels, or nothing but the header's cells merged down into it. */
function continuesHeader(view: SheetView, row: number, rows: number[]): boolean {
  const own = ownCells(view, row);
  if (own.length === 0) {
    return rows.some((h) =>
      view.rowCells(h).some((c) => {
        const m = view.mergeAt(h, c.col);
        return m !== null && m.top === h && m.left === c.col && m.bottom >= row;
      }),
    );
  }
  const labels = own.filter((c) => isLabelText(displayText(c))).length;
  return labels * 2 > own.length;
}

/** A band is a year or a few words; a long text naming a year is a sheet's title, not a band. */
const MAX_DATED_BAND = 15;
function isTitleLike(text: string): boolean {
  const key = labelKey(text);
  return key.length > MAX_DATED_BAND && yearsIn(text).length > 0;
}

/** A row above the header's first: short labels only (a year band), none as wide as a title. */
function bandsHeader(view: SheetView, row: number, first: number): boolean {
  const own = ownCells(view, row);
  if (own.length === 0) return false;
  const cells = view.rowCells(first);
  const width = cells.length === 0 ? 1 : cells[cells.length - 1].col - cells[0].col + 1;
  const maxSpan = Math.max(3, Math.floor(width / 2));
  return own.every((c) => {
    const text = displayText(c);
    const m = view.mergeAt(row, c.col);
    const span = m ? m.right - m.left + 1 : 1;
    return text.length <= MAX_BAND_TEXT && isLabelText(text) && span <= maxSpan && !isTitleLike(text);
  });
}

/** The header rows around a candidate row: the rows below it that continue it, then bands above it. */
export function headerRowsAt(view: SheetView, candidate: number, floor: number): number[] {
  const rows = [candidate];
  for (let r = candidate + 1; rows.length < MAX_HEADER_ROWS && r <= view.lastRow; r++) {
    if (!continuesHeader(view, r, rows)) break;
    rows.push(r);
  }
  for (let r = candidate - 1; rows.length < MAX_HEADER_ROWS && r >= floor; r--) {
    if (!bandsHeader(view, r, candidate)) break;
    rows.unshift(r);
  }
  return rows;
}
