// What readSheets learns, beyond the grids, so that the next writeFlags can go out in ONE sync:
// the original fill of every cell of the read sheets (getCellProperties, ExcelApi 1.9), where notes
// (1.18) and threaded comments (1.10) sit, which sheets exist and which are protected. The flag
// record is kept by the host next to this (it is part of the same read).
//
// The cache is a prediction, not a promise: people may change a fill or add a note between the
// read and the write. writeFlags therefore re-loads the fills it records inside its write batch and
// corrects the record when they differ (an extra sync only then), and a write that fails because
// the cache was stale is retried once from a fresh read.
import { cellKey, type Fill } from "../../core/flags";
import { parseArea } from "./a1";

/** Original fills of one sheet's used range; undefined where unknown (e.g. cells kensho painted). */
export interface SheetFills {
  originRow: number;
  originCol: number;
  cells: Array<Array<Fill | null | undefined>>;
}

export interface CommentInfo {
  id: string;
  kensho: boolean;
}

export interface ReadCache {
  /** Every sheet that existed at the last read (the legacy state sheet excluded). */
  sheets: Set<string>;
  protectedSheets: Set<string>;
  /** Per read sheet; absent before ExcelApi 1.9 (no getCellProperties). */
  fills: Map<string, SheetFills>;
  /** cellKey -> whose note it is (ExcelApi 1.18). */
  notes: Map<string, "user" | "kensho">;
  /** cellKey -> the threaded comment there (ExcelApi 1.10). */
  comments: Map<string, CommentInfo>;
}

function singleCell(address: string): { row: number; col: number } | null {
  const a = parseArea(address);
  return a && a.top === a.bottom && a.left === a.right ? { row: a.top, col: a.left } : null;
}

/** The cached fill of one cell (null: no fill), or undefined when the cache does not know it. */
export function cachedFill(cache: ReadCache, sheet: string, address: string): Fill | null | undefined {
  const fills = cache.fills.get(sheet);
  const cell = singleCell(address);
  if (!fills || !cell) return undefined;
  return fills.cells[cell.row - fills.originRow]?.[cell.col - fills.originCol];
}

/** Records what a cell's fill is now (undefined: unknown, e.g. kensho's own colour). */
export function setCachedFill(
  cache: ReadCache,
  sheet: string,
  address: string,
  fill: Fill | null | undefined,
): void {
  const fills = cache.fills.get(sheet);
  const cell = singleCell(address);
  if (!fills || !cell) return;
  const row = fills.cells[cell.row - fills.originRow];
  const col = cell.col - fills.originCol;
  if (row && col >= 0 && col < row.length) row[col] = fill;
}

/** "'My Sheet'!B3" -> cellKey("My Sheet", "B3"). */
export function locationKey(qualified: string): string {
  const bang = qualified.lastIndexOf("!");
  const sheet = qualified
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return cellKey(sheet, qualified.slice(bang + 1));
}
