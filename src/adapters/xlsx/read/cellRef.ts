// A1 references as the worksheet XML writes them ("AB12", "$C$4:D5"), decoded without regexes:
// the reader calls this for every cell.

/** Where decodeCellRefInto writes: reused by the reader, so that a cell costs no object. */
export interface CellPosition {
  row: number;
  col: number;
}

/**
 * Decodes `ref[from, to)` as an A1 reference into `out` (0-based); false when it is not one, and
 * `out` is then left in an unspecified state.
 */
export function decodeCellRefInto(ref: string, out: CellPosition, from = 0, to = ref.length): boolean {
  let i = from;
  let col = 0;
  let row = 0;
  if (i < to && ref.charCodeAt(i) === 36) i++; // $
  const colStart = i;
  for (; i < to; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower-case letters
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === colStart || i - colStart > 3) return false;
  if (i < to && ref.charCodeAt(i) === 36) i++;
  const rowStart = i;
  for (; i < to; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
  }
  if (i === rowStart || i !== to || row === 0) return false;
  out.row = row - 1;
  out.col = col - 1;
  return true;
}

/** 0-based column and row of an A1 reference; null when it is not one. */
export function decodeCellRef(ref: string): { row: number; col: number } | null {
  const out = { row: 0, col: 0 };
  return decodeCellRefInto(ref, out) ? out : null;
}

/** "C4:D5" or "C4" as a 0-based inclusive area; null when malformed. */
/** White space as String.prototype.trim knows it (printable ASCII is never). */
function isSpace(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c > 32 && c < 127) return false;
  return /\s/.test(s[i]);
}

export function decodeAreaRef(
  ref: string,
): { top: number; left: number; bottom: number; right: number } | null {
  // Trimmed and split by index: a sheet may hold thousands of merged areas.
  let start = 0;
  let end = ref.length;
  while (start < end && isSpace(ref, start)) start++;
  while (end > start && isSpace(ref, end - 1)) end--;
  const colon = ref.indexOf(":", start);
  const firstEnd = colon < 0 || colon >= end ? end : colon;
  // A second colon ends the second reference, as splitting at every colon did.
  const second = firstEnd === end ? -1 : ref.indexOf(":", firstEnd + 1);
  const secondEnd = second < 0 || second >= end ? end : second;
  const from = { row: 0, col: 0 };
  const to = { row: 0, col: 0 };
  if (!decodeCellRefInto(ref, from, start, firstEnd)) return null;
  if (firstEnd === end) {
    to.row = from.row;
    to.col = from.col;
  } else if (!decodeCellRefInto(ref, to, firstEnd + 1, secondEnd)) return null;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}
