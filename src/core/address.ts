/** Letters of the columns asked for so far: every finding spells its cell's column. */
const LETTERS: string[] = [];
/** Excel's last column is XFD, 16,384 columns. */
const MAX_COLUMNS = 16_384;

/** 0-based column index to letters: 0 -> "A", 27 -> "AB". */
export function columnLetters(col: number): string {
  if (col >= 0 && col < MAX_COLUMNS && Number.isInteger(col)) return (LETTERS[col] ??= spellColumn(col));
  return spellColumn(col);
}

function spellColumn(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based row and column to an A1 address. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Parses "B7" (no sheet, no range) into 0-based row and column; null if it is not an A1 cell. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
