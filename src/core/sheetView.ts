import type { CellArea, GridCell, RawCell, SheetGrid } from "./model";
import { contentBounds } from "./grid";

const EMPTY: RawCell = Object.freeze({ value: null, text: "", format: "General" }) as RawCell;
const NO_CELLS: readonly GridCell[] = Object.freeze([]) as readonly GridCell[];

/**
 * Read access to a sparse SheetGrid in absolute coordinates, resolving merged cells to their anchor.
 * The bounds are those of the cells with content: a merged area or a format reaching row 1,048,576
 * costs nothing. Merged areas are clipped to the bounds and indexed per column, so a lookup is a
 * binary search, whatever their number or size.
 */
export class SheetView {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  // Rows and columns are indexed by offset from the bounds in plain arrays: every field of every
  // row is looked up several times, and an array index is cheaper than a Map's hash.
  /** Each content row's cells, sorted by column, at `row - firstRow` (a hole for an empty row). */
  private readonly byRow: GridCell[][] = [];
  /** Per column (at `col - firstCol`), the merged areas covering it, sorted by top row (they never overlap). */
  private readonly mergesByCol: CellArea[][] = [];
  private readonly hidden: Set<number>;

  constructor(readonly grid: SheetGrid) {
    const bounds = contentBounds(grid);
    this.firstRow = bounds?.top ?? 0;
    this.lastRow = bounds?.bottom ?? -1;
    this.firstCol = bounds?.left ?? 0;
    this.lastCol = bounds?.right ?? -1;
    this.indexRows(grid.cells);
    if (bounds) this.indexMerges(grid.merges, bounds);
    this.hidden = new Set(grid.hiddenRows);
  }

  private indexRows(cells: GridCell[]): void {
    let sorted = true;
    const first = this.firstRow;
    for (const c of cells) {
      let row = this.byRow[c.row - first];
      if (!row) this.byRow[c.row - first] = row = [];
      if (row.length > 0 && row[row.length - 1].col >= c.col) sorted = false;
      row.push(c);
    }
    // Producers write row-major order; tolerate anything else rather than misread it.
    if (!sorted) for (const row of this.byRow) if (row) row.sort((a, b) => a.col - b.col);
  }

  private indexMerges(merges: CellArea[], bounds: CellArea): void {
    for (const m of merges) {
      if (m.top > bounds.bottom || m.left > bounds.right || m.bottom < bounds.top || m.right < bounds.left)
        continue;
      const clipped: CellArea = {
        top: m.top,
        left: m.left,
        bottom: Math.min(m.bottom, bounds.bottom),
        right: Math.min(m.right, bounds.right),
      };
      for (let c = Math.max(clipped.left, bounds.left); c <= clipped.right; c++) {
        let list = this.mergesByCol[c - bounds.left];
        if (!list) this.mergesByCol[c - bounds.left] = list = [];
        list.push(clipped);
      }
    }
    for (const list of this.mergesByCol) if (list) list.sort((a, b) => a.top - b.top);
  }

  /** The cells with content on a row, left to right. */
  rowCells(row: number): readonly GridCell[] {
    return this.rowAt(row) ?? NO_CELLS;
  }

  private rowAt(row: number): GridCell[] | undefined {
    // Outside the bounds (or fractional) there is nothing; never index an array out of range.
    return row >= this.firstRow && row <= this.lastRow ? this.byRow[row - this.firstRow] : undefined;
  }

  private find(row: number, col: number): GridCell | undefined {
    const cells = this.rowAt(row);
    if (!cells) return undefined;
    let lo = 0;
    let hi = cells.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = cells[mid].col;
      if (c === col) return cells[mid];
      if (c < col) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** The cell itself, ignoring merges. */
  ownCell(row: number, col: number): RawCell {
    return this.find(row, col) ?? EMPTY;
  }

  /** The merged area that covers this cell, if any. */
  mergeAt(row: number, col: number): CellArea | null {
    const list =
      col >= this.firstCol && col <= this.lastCol ? this.mergesByCol[col - this.firstCol] : undefined;
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = list[mid];
      if (row < m.top) hi = mid - 1;
      else if (row > m.bottom) lo = mid + 1;
      else return m;
    }
    return null;
  }

  /** The cell as staff see it: inside a merged area, the anchor's content and position. */
  cell(row: number, col: number): { cell: RawCell; row: number; col: number } {
    const m = this.mergeAt(row, col);
    if (m) return { cell: this.ownCell(m.top, m.left), row: m.top, col: m.left };
    return { cell: this.ownCell(row, col), row, col };
  }

  /** Displayed text of a cell (merge-resolved), or "" when blank. */
  text(row: number, col: number): string {
    const m = this.mergeAt(row, col);
    const c = m ? this.find(m.top, m.left) : this.find(row, col);
    if (!c) return "";
    if (c.text) return c.text;
    return c.value === null || c.value === undefined ? "" : String(c.value);
  }

  isRowHidden(row: number): boolean {
    return this.hidden.has(row);
  }
}
