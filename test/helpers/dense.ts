// Tests compare grids as dense rectangles from A1 to the last cell with content or merge.
import type { CellValue, SheetGrid } from "../../src/core/model";

export interface Dense {
  values: CellValue[][];
  texts: string[][];
  formats: string[][];
}

export function dense(grid: SheetGrid): Dense {
  let rows = 0;
  let cols = 0;
  for (const c of grid.cells) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  for (const m of grid.merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  const values: CellValue[][] = Array.from({ length: rows }, () => Array<CellValue>(cols).fill(null));
  const texts = Array.from({ length: rows }, () => Array<string>(cols).fill(""));
  const formats = Array.from({ length: rows }, () => Array<string>(cols).fill("General"));
  for (const c of grid.cells) {
    values[c.row][c.col] = c.value;
    texts[c.row][c.col] = c.text;
    formats[c.row][c.col] = c.format;
  }
  return { values, texts, formats };
}

/** The cell at an A1 address ("E8"): value, text and format; blanks for a cell with no content. */
export function cellAt(grid: SheetGrid, a1: string): { value: CellValue; text: string; format: string } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`not an A1 cell: ${a1}`);
  const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  const c = grid.cells.find((x) => x.row === row && x.col === col);
  return c ? { value: c.value, text: c.text, format: c.format } : { value: null, text: "", format: "" };
}
