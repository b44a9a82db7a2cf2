import type { HeaderBlock, LayoutConflict, SheetLayout, YearClaim } from "../model";
import type { SheetView } from "../sheetView";
import { assignColumns } from "./assignColumns";
import { composeHeader, type HeaderSegment } from "./composeHeader";
import { fiscalYearLabel } from "./yearForms";
import { headerClaims, resolveFiscalYear, sheetNameClaim, titleBlock } from "./fiscalYear";
import { headerRowsAt, isHeaderCandidate } from "./headerRows";

/** A header names at least this many distinct fields, among them the core ones. */
const MIN_HEADER_FIELDS = 6;
const CORE_MEANINGS = ["kpi", "status", "actualOrPrevious"];
/** Rows above a header searched for its title: the whole top of the sheet, or a repeated block's own. */
const TITLE_ROWS_FIRST = 20;
const TITLE_ROWS_REPEATED = 5;

interface FoundHeader {
  rows: number[];
  segments: HeaderSegment[];
  /** Where the header's page starts: its title row, else its first header row. */
  pageTop: number;
}

function isHeader(segments: HeaderSegment[]): boolean {
  const meanings = new Set(segments.map((s) => s.meaning).filter((m) => m !== null));
  return meanings.size >= MIN_HEADER_FIELDS && CORE_MEANINGS.every((m) => meanings.has(m as never));
}

/** Every header on a sheet (once, or repeated per block), with the titles above each. */
function findHeaders(view: SheetView): { headers: FoundHeader[]; titles: YearClaim[] } {
  const headers: FoundHeader[] = [];
  const titles: YearClaim[] = [];
  let floor = view.firstRow;
  let r = view.firstRow;
  while (r <= view.lastRow) {
    if (!isHeaderCandidate(view, r)) {
      r++;
      continue;
    }
    const rows = headerRowsAt(view, r, floor);
    const segments = composeHeader(view, rows);
    if (!isHeader(segments)) {
      r++;
      continue;
    }
    const reach = headers.length === 0 ? TITLE_ROWS_FIRST : TITLE_ROWS_REPEATED;
    const title = titleBlock(view, Math.max(floor, rows[0] - reach), rows[0]);
    titles.push(...title.claims);
    headers.push({ rows, segments, pageTop: title.firstRow ?? rows[0] });
    r = rows[rows.length - 1] + 1;
    floor = r;
  }
  return { headers, titles };
}

/** One source's word once per sheet: a repeated header says the same thing on every block. */
function distinctClaims(claims: YearClaim[]): YearClaim[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const key = `${c.source}:${c.year}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface LayoutOptions {
  /** The fiscal year the user states (Gregorian start year); it decides over the workbook's sources. */
  statedYear?: number | null;
  /** How the user wrote it, for the explanation ("令和6年度"). */
  statedText?: string;
}

/**
 * Finds every header on a sheet and maps its columns by meaning, for the sheet's fiscal year.
 * A header that two columns claim one field of sets `conflict`, and its blocks are not to be read.
 */
export function detectLayout(view: SheetView, options: LayoutOptions = {}): SheetLayout {
  const sheet = view.grid.name;
  const { headers, titles } = findHeaders(view);
  const empty: SheetLayout = {
    sheet,
    blocks: [],
    fiscalYear: null,
    fiscalYearSource: null,
    yearClaims: [],
    conflict: null,
  };
  if (headers.length === 0) return empty;

  const claims: YearClaim[] = [];
  if (options.statedYear != null) {
    const year = options.statedYear;
    claims.push({ source: "stated", year, text: options.statedText ?? fiscalYearLabel(year), cell: null });
  }
  for (const h of headers) claims.push(...headerClaims(h.segments));
  claims.push(...titles);
  const named = sheetNameClaim(sheet);
  if (named) claims.push(named);
  const yearClaims = distinctClaims(claims);
  const decided = resolveFiscalYear(yearClaims);
  const fy = decided?.year ?? null;

  const blocks: HeaderBlock[] = [];
  let conflict: LayoutConflict | null = null;
  for (const [i, h] of headers.entries()) {
    const { readings, columns, conflict: clash } = assignColumns(h.segments, fy, h.rows[0]);
    conflict ??= clash;
    const next = headers[i + 1];
    blocks.push({
      headerRows: h.rows,
      columns,
      readings,
      firstDataRow: h.rows[h.rows.length - 1] + 1,
      // A repeated header's title block starts the next page; it is not this page's data.
      lastDataRow: next ? next.pageTop - 1 : view.lastRow,
    });
  }
  return {
    sheet,
    blocks,
    fiscalYear: fy === null ? null : fiscalYearLabel(fy),
    fiscalYearSource: decided?.source ?? null,
    yearClaims,
    conflict,
  };
}
