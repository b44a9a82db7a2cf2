import type { GridCell, SheetGrid } from "../src/core/model";

/**
 * A verification sheet of `rows` KPI rows, made by repeating the data rows of a real sheet
 * (its header, title and merges kept; data merges dropped, since labels carry down anyway).
 */
export function repeatDataRows(sheet: SheetGrid, firstDataRow: number, rows: number): SheetGrid {
  const head = sheet.cells.filter((c) => c.row < firstDataRow);
  const data = sheet.cells.filter((c) => c.row >= firstDataRow);
  const dataRows = [...new Set(data.map((c) => c.row))].sort((a, b) => a - b);
  const byRow = new Map<number, GridCell[]>();
  for (const c of data) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const cells: GridCell[] = head.map((c) => ({ ...c }));
  for (let i = 0; i < rows && dataRows.length > 0; i++) {
    const source = byRow.get(dataRows[i % dataRows.length]) ?? [];
    for (const c of source) cells.push({ ...c, row: firstDataRow + i });
  }
  return {
    ...sheet,
    name: `${sheet.name}x${rows}`,
    cells,
    merges: sheet.merges.filter((m) => m.bottom < firstDataRow),
    hiddenRows: [],
    hiddenCols: [],
  };
}

const LEADING_FIGURE = /^(\d[\d,]*(?:\.\d+)?)(\D.{0,30})?$/s;

/**
 * The same sheet with every figure of its data rows made distinct (`65件` → `65.33件`, a little more
 * on each row): real sheets do not repeat their figures, so no cache can answer for the parser.
 */
export function distinctFigures(sheet: SheetGrid, firstDataRow: number): SheetGrid {
  const cells = sheet.cells.map((c) => {
    if (c.row < firstDataRow || typeof c.value !== "string") return c;
    const m = LEADING_FIGURE.exec(c.value);
    if (!m) return c;
    const n = Number(m[1].replace(/,/g, "")) * (1 + (c.row - firstDataRow + 1) / 100_000);
    const text = `${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}${m[2] ?? ""}`;
    return { ...c, value: text, text };
  });
  return { ...sheet, cells };
}
