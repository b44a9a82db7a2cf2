import type { CellArea, RawCell, SheetGrid } from "./model";

/** Excel has at most 16,384 columns, so this numeric key is unique and allocation-free. */
const cellKey = (row: number, col: number) => row * 16384 + col;

const EMPTY: RawCell = { value: null, text: "", format: "General" };

/** Read access to a SheetGrid in absolute coordinates, resolving merged cells to their anchor. */
export class SheetView {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  private readonly mergeByCell = new Map<number, CellArea>();
  private readonly hidden: Set<number>;

  constructor(readonly grid: SheetGrid) {
    this.firstRow = grid.originRow;
    this.lastRow = grid.originRow + grid.values.length - 1;
    this.firstCol = grid.originCol;
    const width = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
    this.lastCol = grid.originCol + width - 1;
    for (const m of grid.merges) {
      // Only cells inside the grid matter; cap to keep a stray whole-column merge cheap.
      const bottom = Math.min(m.bottom, this.lastRow);
      const right = Math.min(m.right, this.lastCol);
      for (let r = m.top; r <= bottom; r++) {
        for (let c = m.left; c <= right; c++) this.mergeByCell.set(cellKey(r, c), m);
      }
    }
    this.hidden = new Set(grid.hiddenRows);
  }

  /** The cell itself, ignoring merges. */
  ownCell(row: number, col: number): RawCell {
    const i = row - this.grid.originRow;
    const j = col - this.grid.originCol;
    const values = this.grid.values[i];
    if (!values || j < 0 || j >= values.length) return EMPTY;
    const value = values[j] ?? null;
    const text = this.grid.texts[i]?.[j] ?? (value === null ? "" : String(value));
    const format = this.grid.formats[i]?.[j] ?? "General";
    return { value, text, format };
  }

  /** The merged area that covers this cell, if any. */
  mergeAt(row: number, col: number): CellArea | null {
    return this.mergeByCell.size === 0 ? null : (this.mergeByCell.get(cellKey(row, col)) ?? null);
  }

  /** The cell as staff see it: inside a merged area, the anchor's content and position. */
  cell(row: number, col: number): { cell: RawCell; row: number; col: number } {
    const m = this.mergeAt(row, col);
    if (m) return { cell: this.ownCell(m.top, m.left), row: m.top, col: m.left };
    return { cell: this.ownCell(row, col), row, col };
  }

  /** Displayed text of a cell (merge-resolved), or "" when blank. Allocation-free: it runs per cell. */
  text(row: number, col: number): string {
    const m = this.mergeAt(row, col);
    const i = (m ? m.top : row) - this.grid.originRow;
    const j = (m ? m.left : col) - this.grid.originCol;
    const t = this.grid.texts[i]?.[j];
    if (t) return t;
    const v = this.grid.values[i]?.[j];
    return v === null || v === undefined ? "" : String(v);
  }

  isRowHidden(row: number): boolean {
    return this.hidden.has(row);
  }
}
