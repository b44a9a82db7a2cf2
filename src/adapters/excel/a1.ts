// A1-address helpers shared by the Office.js host and the fake. Pure string work, no Office types.
import type { CellArea } from "../../core/model";
import { a1 as cellAddress, parseA1 } from "../../core/address";

// Cell addresses are the core's; this file adds the range and sheet-qualified forms Office.js uses.
export { columnLetters, a1 as cellAddress } from "../../core/address";

/** A 0-based inclusive area -> "A1:C3" (or "A1" for a single cell). */
export function areaAddress(area: CellArea): string {
  const tl = cellAddress(area.top, area.left);
  return area.top === area.bottom && area.left === area.right
    ? tl
    : `${tl}:${cellAddress(area.bottom, area.right)}`;
}

/** Drops a leading sheet qualifier ("'My Sheet'!A1:B2" -> "A1:B2"). */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/** "Sheet1!B2:D4", "B2" -> 0-based area; null for whole rows/columns or garbage. */
export function parseArea(address: string): CellArea | null {
  const [a, b] = stripSheet(address.trim()).split(":");
  const start = parseA1(a);
  const end = b === undefined ? start : parseA1(b);
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/**
 * Splits a multi-area address ("'a,b'!A1:B2, 'a,b'!C3") on the commas that are outside quoted
 * sheet names; sheet names may contain commas.
 */
export function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current.trim());
      current = "";
    } else {
      current += ch;
    }
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** Multi-area address -> areas (unparseable parts are dropped). */
export function parseAreas(address: string): CellArea[] {
  return splitAreas(address)
    .map(parseArea)
    .filter((a): a is CellArea => a !== null);
}

export function areasIntersect(a: CellArea, b: CellArea): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Quotes a sheet name for a fully qualified address ("1-1" -> "'1-1'"). */
export function qualify(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}
