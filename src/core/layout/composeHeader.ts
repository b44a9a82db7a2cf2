// A header's labels composed over its rows. A label merged above several columns belongs to each of
// them (令和６年度 over 実績値 and 目標値 reads as 令和６年度 実績値 and 令和６年度 目標値), and the
// labels of two or three header rows read as one, top to bottom.
import { a1 } from "../address";
import type { SheetView } from "../sheetView";
import { displayText } from "../text";
import { headerMeaning, type HeaderMeaning } from "./headerLabels";
import { firstYear, relativeYear, type RelativeYear, yearsIn } from "./yearForms";

/** A field spans at most this many columns; a label merged wider still only governs these. */
export const MAX_FIELD_COLUMNS = 8;

/** One labelled cell of the header: where its anchor is and the columns it covers. */
export interface HeaderPart {
  text: string;
  row: number;
  col: number;
  left: number;
  right: number;
}

/** A run of columns the header labels alike: no header cell starts or ends inside it. */
export interface HeaderSegment {
  /** Absolute 0-based columns (at most MAX_FIELD_COLUMNS). */
  cols: number[];
  /** The labelled cells over it, top to bottom; empty for a column whose header is blank. */
  parts: HeaderPart[];
  /** The composed label, white space collapsed, parts joined by a space. */
  header: string;
  meaning: HeaderMeaning | null;
  year: number | null;
  relative: RelativeYear | null;
  /** Set when a profile gave the meaning. */
  fromProfile?: true;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** The labelled cells anchored in the header rows. */
function headerParts(view: SheetView, rows: number[]): HeaderPart[] {
  const parts: HeaderPart[] = [];
  for (const row of rows) {
    for (const c of view.rowCells(row)) {
      const m = view.mergeAt(row, c.col);
      if (m && (m.top !== row || m.left !== c.col)) continue;
      const text = displayText(c);
      if (text.trim() === "") continue;
      parts.push({ text, row, col: c.col, left: c.col, right: m ? m.right : c.col });
    }
  }
  return parts;
}

/** The header's segments, left to right, from the first labelled column to the last. */
export function composeHeader(view: SheetView, rows: number[]): HeaderSegment[] {
  const parts = headerParts(view, rows);
  if (parts.length === 0) return [];
  const starts = new Set<number>();
  let last = -1;
  for (const p of parts) {
    starts.add(p.left);
    starts.add(p.right + 1);
    last = Math.max(last, p.right);
  }
  const edges = [...starts].sort((a, b) => a - b);
  const byAnchor = new Map(parts.map((p) => [`${p.row}:${p.col}`, p]));
  const segments: HeaderSegment[] = [];
  for (let i = 0; i + 1 < edges.length && edges[i] <= last; i++) {
    const left = edges[i];
    const right = edges[i + 1] - 1;
    const over: HeaderPart[] = [];
    for (const row of rows) {
      const at = view.cell(row, left);
      const p = byAnchor.get(`${at.row}:${at.col}`);
      if (p && !over.includes(p)) over.push(p);
    }
    const header = over.map((p) => oneLine(p.text)).join(" ");
    const cols: number[] = [];
    for (let c = left; c <= right && cols.length < MAX_FIELD_COLUMNS; c++) cols.push(c);
    segments.push({
      cols,
      parts: over,
      header,
      meaning: header === "" ? null : headerMeaning(header),
      year: header === "" ? null : firstYear(header),
      relative: header === "" ? null : relativeYear(header),
    });
  }
  return segments;
}

/** The A1 address of the header cell that names a segment's year (a band, or its own label). */
export function yearCell(segment: HeaderSegment): string | null {
  const p = segment.parts.find((x) => yearsIn(x.text).length > 0) ?? segment.parts[0];
  return p ? a1(p.row, p.col) : null;
}
