// Parsed values by cell content. A sheet repeats a small vocabulary in its value cells ("-", "65件",
// the same figure in 基準値 on every block, the same template across 200 returned workbooks), and
// parsing is most of the core's time, so each distinct cell is parsed once. The cache is bounded
// and keyed on everything the parse reads (value, text, format), so a hit is exact.
import type { ParsedValue, RawCell } from "../model";

/** Enough for every distinct value cell of a large workbook; cleared, not grown, when full. */
const MAX_ENTRIES = 8192;
/** Lookups over which the hit rate is judged. */
const WINDOW = 2048;
/** Cells parsed without the cache after a window that rarely hit. */
const BYPASS = 16 * WINDOW;

interface Entry {
  value: RawCell["value"];
  text: string;
  parsed: ParsedValue;
}

/**
 * Shared results must never change: freeze the value and what it holds (its period and unit
 * suffixes already come frozen from their own memos).
 */
export function freezeValue(v: ParsedValue): ParsedValue {
  for (const p of v.parts) Object.freeze(p);
  Object.freeze(v.parts);
  Object.freeze(v.qualifiers);
  return Object.freeze(v);
}

/**
 * `parse` memoised per distinct (format, text, value). Cells outside the RawCell contract bypass it.
 * A sheet whose figures never repeat would only pay for the bookkeeping, so the hit rate is taken
 * over each window of lookups, and after a window that hit less than a quarter of the time, the
 * next cells are parsed directly for a while.
 */
export function memoByCell(parse: (cell: RawCell) => ParsedValue): (cell: RawCell) => ParsedValue {
  const byFormat = new Map<string, Map<string, Entry>>();
  let size = 0;
  let lookups = 0;
  let hits = 0;
  let bypass = 0;
  return (cell: RawCell): ParsedValue => {
    if (bypass > 0) {
      bypass--;
      return parse(cell);
    }
    const { value, text, format } = cell;
    if (typeof text !== "string" || typeof format !== "string") return parse(cell);
    // The text staff see identifies most cells; a blank text falls back to the value itself.
    const key = text !== "" ? text : typeof value === "string" ? value : value === null ? "" : null;
    if (key === null) return parse(cell);
    lookups++;
    let entries = byFormat.get(format);
    const hit = entries?.get(key);
    if (hit && hit.value === value && hit.text === text) {
      hits++;
      return hit.parsed;
    }
    const parsed = freezeValue(parse(cell));
    if (lookups >= WINDOW) {
      const poor = hits * 4 < lookups;
      lookups = hits = 0;
      if (poor) {
        bypass = BYPASS;
        byFormat.clear();
        size = 0;
        return parsed;
      }
    }
    if (size >= MAX_ENTRIES) {
      byFormat.clear();
      size = 0;
      entries = undefined;
    }
    if (!entries) byFormat.set(format, (entries = new Map()));
    if (!hit) size++;
    entries.set(key, { value, text, parsed });
    return parsed;
  };
}
