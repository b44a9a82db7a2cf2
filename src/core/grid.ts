// Building sparse SheetGrids. Hosts that hand over dense rectangles (Office.js ranges, tests) go
// through gridFromArrays, which keeps only the cells that hold something.
import type { CellArea, CellValue, GridCell, SheetGrid } from "./model";

/** A sheet with nothing on it (an empty used range). */
export function emptySheetGrid(name: string): SheetGrid {
  return { name, cells: [], merges: [], hiddenRows: [], hiddenCols: [] };
}

export interface DenseGridOptions {
  /** Displayed texts, same shape as `values`; a missing text is the value written out. */
  texts?: string[][];
  /** Number formats, same shape as `values`; a missing format is "General". */
  formats?: string[][];
  /** Absolute 0-based position of `values[0][0]` (default A1). */
  originRow?: number;
  originCol?: number;
  merges?: CellArea[];
  hiddenRows?: number[];
  hiddenCols?: number[];
}

/** A cell holds something when it has a value or shows text; a formatted empty cell does not. */
function hasContent(value: CellValue | undefined, text: string | undefined): boolean {
  return (value !== null && value !== undefined && value !== "") || (text !== undefined && text !== "");
}

/** A sparse grid from a dense rectangle of values (and optionally texts and formats). */
export function gridFromArrays(
  name: string,
  values: CellValue[][],
  options: DenseGridOptions = {},
): SheetGrid {
  const { texts, formats, originRow = 0, originCol = 0 } = options;
  const cells: GridCell[] = [];
  for (let i = 0; i < values.length; i++) {
    const row = values[i];
    for (let j = 0; j < row.length; j++) {
      const value = row[j] ?? null;
      const text = texts?.[i]?.[j];
      if (!hasContent(value, text)) continue;
      cells.push({
        row: originRow + i,
        col: originCol + j,
        value: value === "" ? null : value,
        text: text ?? (value === null ? "" : String(value)),
        format: formats?.[i]?.[j] ?? "General",
      });
    }
  }
  return {
    name,
    cells,
    merges: options.merges ?? [],
    hiddenRows: options.hiddenRows ?? [],
    hiddenCols: options.hiddenCols ?? [],
  };
}

/** The smallest area holding every cell with content; null for an empty grid. */
export function contentBounds(grid: SheetGrid): CellArea | null {
  if (grid.cells.length === 0) return null;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const c of grid.cells) {
    if (c.row < top) top = c.row;
    if (c.row > bottom) bottom = c.row;
    if (c.col < left) left = c.col;
    if (c.col > right) right = c.col;
  }
  return { top, left, bottom, right };
}
