import type { SheetGrid } from "../src/core/model";

/**
 * A verification sheet of `rows` KPI rows, made by repeating the data rows of a real sheet
 * (its header, title and merges kept; data merges dropped, since labels carry down anyway).
 */
export function repeatDataRows(sheet: SheetGrid, firstDataRow: number, rows: number): SheetGrid {
  const head = firstDataRow - sheet.originRow;
  const data = sheet.values.slice(head);
  const pick = <T>(grid: T[][]) => {
    const out = grid.slice(0, head).map((r) => [...r]);
    for (let i = 0; i < rows; i++) out.push([...grid[head + (i % data.length)]]);
    return out;
  };
  return {
    ...sheet,
    name: `${sheet.name}x${rows}`,
    values: pick(sheet.values),
    texts: pick(sheet.texts),
    formats: pick(sheet.formats),
    merges: sheet.merges.filter((m) => m.bottom < firstDataRow),
    hiddenRows: [],
    hiddenCols: [],
  };
}
