// Moving references when rows are inserted into a sheet. An insertion is "after row R" (0-based):
// the new row takes R's formatting, so an area that holds R grows to hold the new row too (a
// 施策's merged label, the 進捗状況 drop-down, the print area); whatever lies below moves down.
// Formulas follow Excel's own rule instead: a range grows only when the new row lands inside it.
import { columnLetters } from "../../../core/address";

/** Insertion points, sorted: each "after" is an original 0-based row index. */
export type Insertions = readonly number[];

/** The row's new index: one down for every insertion above it. */
export function shiftRow(row: number, ins: Insertions): number {
  let n = 0;
  for (const a of ins) if (a < row) n++;
  return row + n;
}

/** An area's new bottom when it grows to hold the rows inserted after its last row. */
function shiftBottom(top: number, bottom: number, ins: Insertions, inclusive: boolean): number {
  let n = 0;
  for (const a of ins) if (a < bottom || (inclusive && a === bottom && a >= top)) n++;
  return bottom + n;
}

const CELL = /^(\$?)([A-Z]{1,3})(\$?)(\d+)$/;

interface Cell {
  col: string;
  row: number;
  colAbs: string;
  rowAbs: string;
}

function parseCell(s: string): Cell | null {
  const m = CELL.exec(s);
  return m ? { colAbs: m[1], col: m[2], rowAbs: m[3], row: Number(m[4]) - 1 } : null;
}

const cellText = (c: Cell, row: number) => `${c.colAbs}${c.col}${c.rowAbs}${row + 1}`;

/** Shifts one area reference ("B3", "B3:D9", "$A$1:$N$40", "$4:$5"); unknown forms stay as written. */
export function shiftArea(ref: string, ins: Insertions, inclusive = true): string {
  const [a, b] = ref.split(":");
  if (b === undefined) {
    const c = parseCell(a);
    return c ? cellText(c, shiftRow(c.row, ins)) : ref;
  }
  const ca = parseCell(a);
  const cb = parseCell(b);
  if (ca && cb) {
    const top = Math.min(ca.row, cb.row);
    const bottom = Math.max(ca.row, cb.row);
    return `${cellText(ca, shiftRow(top, ins))}:${cellText(cb, shiftBottom(top, bottom, ins, inclusive))}`;
  }
  const ra = /^(\$?)(\d+)$/.exec(a);
  const rb = /^(\$?)(\d+)$/.exec(b);
  if (ra && rb) {
    const top = Number(ra[2]) - 1;
    const bottom = Number(rb[2]) - 1;
    return `${ra[1]}${shiftRow(top, ins) + 1}:${rb[1]}${shiftBottom(top, bottom, ins, inclusive) + 1}`;
  }
  return ref;
}

/** Shifts a space-separated list of areas (sqref). */
export function shiftSqref(sqref: string, ins: Insertions): string {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map((r) => shiftArea(r, ins, true))
    .join(" ");
}

/** A single-row area on the anchor row gets a copy on each inserted row below it (merges). */
export function areaRows(ref: string): { top: number; bottom: number; left: string; right: string } | null {
  const [a, b = a] = ref.split(":");
  const ca = parseCell(a);
  const cb = parseCell(b);
  if (!ca || !cb) return null;
  return { top: Math.min(ca.row, cb.row), bottom: Math.max(ca.row, cb.row), left: ca.col, right: cb.col };
}

export function areaText(left: string, top: number, right: string, bottom: number): string {
  return `${left}${top + 1}:${right}${bottom + 1}`;
}

export { columnLetters };

const SHEET_PREFIX = /^(?:'((?:[^']|'')+)'|([^\s'!(),;:"+\-*/^&=<>{}[\]]+))!/;
const REF = /^(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?\d+:\$?\d+)(?![A-Za-z0-9_(.!])/;

/**
 * Shifts the references to `sheet` in a formula. Unqualified references belong to `ownSheet`
 * (null for a defined name, where every reference is qualified). Strings and structured references
 * are skipped; anything unrecognised is copied unchanged.
 */
export function shiftFormula(
  formula: string,
  sheet: string,
  ownSheet: string | null,
  ins: Insertions,
  inclusive = false,
): string {
  let out = "";
  let i = 0;
  const n = formula.length;
  const wordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_.\\]/.test(c);
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (!wordChar(formula[i - 1]) || ch === "'") {
      const rest = formula.slice(i);
      const pre = ch === "'" || /^[^\s!(),;:"]+!/.test(rest) ? SHEET_PREFIX.exec(rest) : null;
      const target = pre ? (pre[1] !== undefined ? pre[1].replace(/''/g, "'") : pre[2]) : ownSheet;
      const afterPrefix = pre ? rest.slice(pre[0].length) : rest;
      const m = REF.exec(afterPrefix);
      if (m && (pre || !wordChar(formula[i - 1]))) {
        const shifted = target === sheet ? shiftArea(m[1], ins, inclusive) : m[1];
        out += (pre ? pre[0] : "") + shifted;
        i += (pre ? pre[0].length : 0) + m[1].length;
        continue;
      }
      if (pre) {
        out += pre[0];
        i += pre[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}
