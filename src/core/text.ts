// Text helpers for labels and names (not values: value parsing lives in ./values).
import type { RawCell } from "./model";
import { memoByString } from "./memo";

/** What staff see in a cell: the displayed text, else the raw value written out; "" when blank. */
export function displayText(cell: RawCell | undefined): string {
  if (!cell) return "";
  if (cell.text !== "") return cell.text;
  return cell.value === null ? "" : String(cell.value);
}

/**
 * Header labels and names compared by meaning: NFKC, no whitespace of any width, no line breaks.
 * Memoised: the same labels, statuses and titles are keyed on every sheet and every workbook.
 */
export const labelKey: (text: string) => string = memoByString(
  (text) => text.normalize("NFKC").replace(/\s+/g, ""),
  2048,
);

/** A name as staff wrote it, with the cell's line breaks (and the spaces around them) removed. */
export function cleanName(text: string): string {
  if (!text.includes("\n") && !text.includes("\r") && text === text.trim()) return text;
  return text.replace(/\s*[\r\n]+\s*/g, "").replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}

/** True for text that is empty or white space of any width. */
export function isBlankText(text: string): boolean {
  // String.prototype.trim removes every Unicode space, the full-width U+3000 included.
  return text.trim() === "";
}

const DASHES = /^[-－ー—―‐−~〜]$/;

/** True for the placeholder staff write for "none": a single dash of any width. */
export function isDash(text: string): boolean {
  if (text.length > 8) return false;
  // Names and departments rarely hold spaces: test them as they are, without a copy.
  return DASHES.test(/[\s\u3000]/.test(text) ? text.replace(/[\s\u3000]+/g, "") : text);
}
