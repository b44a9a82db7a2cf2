// Rows and columns inserted or deleted move marked cells; the record must move with them, or a
// clear would put an original fill on the wrong cell. Records of deleted cells go (so did the cells).
import { a1, parseA1 } from "../address";
import type { FlagRecordDocument, UndoStep } from "./record";

export interface StructuralChange {
  sheet: string;
  axis: "rows" | "cols";
  kind: "insert" | "delete";
  /** First 0-based row or column inserted or deleted. */
  start: number;
  count: number;
  /**
   * Cells inserted or deleted rather than whole rows or columns: only the cells between these
   * columns (for rows) or rows (for columns) shift.
   */
  within?: { from: number; to: number };
}

/** Where a cell went; null when its row or column was deleted. */
export function moveCell(cell: string, change: StructuralChange): string | null {
  const p = parseA1(cell);
  if (!p) return cell;
  const i = change.axis === "rows" ? p.row : p.col;
  const other = change.axis === "rows" ? p.col : p.row;
  if (change.within && (other < change.within.from || other > change.within.to)) return cell;
  let j = i;
  if (change.kind === "insert") {
    if (i >= change.start) j = i + change.count;
  } else if (i >= change.start + change.count) {
    j = i - change.count;
  } else if (i >= change.start) {
    return null;
  }
  return change.axis === "rows" ? a1(j, p.col) : a1(p.row, j);
}

export function sheetRenamed(doc: FlagRecordDocument, from: string, to: string): FlagRecordDocument {
  const rename = <T extends { sheet: string }>(x: T): T => (x.sheet === from ? { ...x, sheet: to } : x);
  return {
    flags: doc.flags.map(rename),
    undo: doc.undo.map((s) => ({ ...s, entries: s.entries.map(rename) })),
  };
}

/** The record after the change: cells on the sheet moved, records of deleted cells dropped. */
export function moveRecord(doc: FlagRecordDocument, change: StructuralChange): FlagRecordDocument {
  const flags = doc.flags.flatMap((f) => {
    if (f.sheet !== change.sheet) return [f];
    const cell = moveCell(f.cell, change);
    return cell === null ? [] : [{ ...f, cell }];
  });
  const undo: UndoStep[] = doc.undo.flatMap((step) => {
    const entries = step.entries.flatMap((e) => {
      if (e.sheet !== change.sheet) return [e];
      const cell = moveCell(e.cell, change);
      return cell === null ? [] : [{ ...e, cell }];
    });
    return entries.length > 0 ? [{ ...step, entries }] : [];
  });
  return { flags, undo };
}
