// A1 references as the worksheet XML writes them ("AB12", "$C$4:D5"), decoded without regexes:
// the reader calls this for every cell.

/** 0-based column and row of an A1 reference; null when it is not one. */
export function decodeCellRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  let row = 0;
  const n = ref.length;
  if (i < n && ref.charCodeAt(i) === 36) i++; // $
  const colStart = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower-case letters
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === colStart || i - colStart > 3) return null;
  if (i < n && ref.charCodeAt(i) === 36) i++;
  const rowStart = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
  }
  if (i === rowStart || i !== n || row === 0) return null;
  return { row: row - 1, col: col - 1 };
}

/** "C4:D5" or "C4" as a 0-based inclusive area; null when malformed. */
export function decodeAreaRef(
  ref: string,
): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b] = ref.trim().split(":");
  const from = decodeCellRef(a);
  const to = b === undefined ? from : decodeCellRef(b);
  if (!from || !to) return null;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}
