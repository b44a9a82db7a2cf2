// One department's copy of the master: every verification sheet protected, only that department's
// entry cells unlocked, every other cell locked (a cell the master left unlocked is locked too), and
// the split marker (its department and the master's identity) in its custom document properties.
import { WorkbookPatch } from "../write/workbookPatch";
import type { ProtectionHash } from "../write/protection";
import type { VerificationWorkbook } from "./loadVerificationWorkbook";
import { entryCellPositions } from "../../../core/cycle/entryCells";
import { isMarkerKey, markerProperties, type SplitMarker } from "../../../core/cycle/splitMarker";
import { setCustomProperties } from "../write/customProperties";

export interface SplitResult {
  bytes: Uint8Array;
  changedParts: string[];
  rows: number;
  unlockedCells: number;
  protectedSheets: number;
}

export function applySplit(
  master: VerificationWorkbook,
  department: string,
  hash: ProtectionHash | null,
  marker: SplitMarker,
): SplitResult {
  const wb = WorkbookPatch.open(master.bytes);
  const styles = wb.styles;
  let rows = 0;
  let unlockedCells = 0;
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
    for (const { row, col, el } of sheet.cells()) {
      const style = el.attrs.s !== undefined ? Number(el.attrs.s) : 0;
      const want = !open.has(`${row},${col}`);
      if (styles.isLocked(style) !== want) sheet.setStyle(row, col, styles.variant(style, { locked: want }));
    }
    for (const { row, style } of sheet.styledRows())
      if (!styles.isLocked(style)) sheet.setRowStyle(row, styles.variant(style, { locked: true }));
    for (const colEl of sheet.colElements()) {
      const style = Number(colEl.attrs.style ?? 0);
      if (colEl.attrs.style !== undefined && !styles.isLocked(style))
        sheet.setColumnStyle(colEl, styles.variant(style, { locked: true }));
    }
    for (const key of open) {
      const [row, col] = key.split(",").map(Number);
      if (sheet.cellElement(row, col)) continue;
      const style = sheet.cellStyle(row, col);
      sheet.setStyle(row, col, styles.variant(style, { locked: false }));
    }
    unlockedCells += open.size;
    sheet.protect(hash);
  }
  // A master that is itself a copy loses its old marker: the copy carries only its own.
  setCustomProperties(wb.pkg, markerProperties(marker), isMarkerKey);
  const out = wb.write();
  return { ...out, rows, unlockedCells, protectedSheets: master.sheets.length };
}
