// Entry cells: what a department fills in on its own rows (domain.md, "Planning's year cycle").
import type { FieldKey, HeaderBlock, SheetLayout, VerificationRow } from "../model";

export const ENTRY_FIELDS = ["activity", "actual", "status", "reason"] as const satisfies readonly FieldKey[];
export type EntryField = (typeof ENTRY_FIELDS)[number];

/** Cells planning owns on every row; a change to them in a returned file is reported, never applied. */
export const LOCKED_VALUE_FIELDS = [
  "baseline",
  "previous",
  "target",
  "finalTarget",
  "department",
] as const satisfies readonly FieldKey[];

export function isEntryField(f: FieldKey): f is EntryField {
  return (ENTRY_FIELDS as readonly FieldKey[]).includes(f);
}

/** The header block a 0-based sheet row belongs to. */
export function blockOf(layout: SheetLayout, row0: number): HeaderBlock | null {
  return layout.blocks.find((b) => b.firstDataRow <= row0 && row0 <= b.lastDataRow) ?? null;
}

/** Every sheet cell (0-based row, col) of a row's entry fields, all columns of each field's span. */
export function entryCellPositions(
  row: VerificationRow,
  layout: SheetLayout,
): Array<{ row: number; col: number; field: EntryField }> {
  const block = blockOf(layout, row.row - 1);
  const out: Array<{ row: number; col: number; field: EntryField }> = [];
  for (const field of ENTRY_FIELDS) {
    const cell = row.cells[field];
    if (!cell) continue;
    const cols = block?.columns[field] ?? [cell.col];
    for (const col of cols) out.push({ row: row.row - 1, col, field });
    if (!cols.includes(cell.col) || cell.row !== row.row - 1)
      out.push({ row: cell.row, col: cell.col, field });
  }
  return out;
}
