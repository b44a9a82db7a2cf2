// One department's copy of the master: every verification sheet protected, only that department's
// entry cells unlocked, every other cell locked. Locking is done by style, not cell by cell: every
// cell format and cell style the master has is made to lock (the Normal style included), so a cell
// with no <c> element, a row's or a column's default and the sheet's default are locked too, and
// only the entry cells get an unlocking variant. "Allow Users to Edit Ranges" (protectedRanges)
// would let anyone edit around the protection: they are removed and reported.
import { WorkbookPatch } from "../write/workbookPatch";
import type { ProtectionHash } from "../write/protection";
import type { VerificationWorkbook } from "./loadVerificationWorkbook";
import { entryCellPositions } from "../../../core/cycle/entryCells";

export interface SplitResult {
  bytes: Uint8Array;
  changedParts: string[];
  rows: number;
  unlockedCells: number;
  protectedSheets: number;
  /** Allow-edit ranges the master had on its verification sheets, removed from the copy. */
  removedRanges: RemovedRange[];
}

export interface RemovedRange {
  sheet: string;
  name: string;
  sqref: string;
}

export function applySplit(
  master: VerificationWorkbook,
  department: string,
  hash: ProtectionHash | null,
): SplitResult {
  const wb = WorkbookPatch.open(master.bytes);
  const styles = wb.styles;
  styles.lockAll();
  let rows = 0;
  let unlockedCells = 0;
  const removedRanges: RemovedRange[] = [];
  for (const { layout, rows: sheetRows, grid } of master.sheets) {
    const sheet = wb.sheet(layout.sheet);
    const open = new Set<string>();
    const merges = grid.merges;
    for (const row of sheetRows) {
      if (row.department !== department) continue;
      rows++;
      for (const p of entryCellPositions(row, layout)) {
        open.add(`${p.row},${p.col}`);
        // A merged entry cell is unlocked across its whole area.
        for (const m of merges)
          if (m.top <= p.row && p.row <= m.bottom && m.left <= p.col && p.col <= m.right)
            for (let r = m.top; r <= m.bottom; r++)
              for (let c = m.left; c <= m.right; c++) open.add(`${r},${c}`);
      }
    }
    for (const key of open) {
      const [row, col] = key.split(",").map(Number);
      sheet.setStyle(row, col, styles.variant(sheet.cellStyle(row, col), { locked: false }));
    }
    for (const r of sheet.removeProtectedRanges()) removedRanges.push({ sheet: layout.sheet, ...r });
    unlockedCells += open.size;
    sheet.protect(hash);
  }
  const out = wb.write();
  return { ...out, rows, unlockedCells, protectedSheets: master.sheets.length, removedRanges };
}
