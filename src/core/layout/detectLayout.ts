import type { HeaderBlock, LayoutConflict, LayoutProfile, SheetLayout, YearClaim } from "../model";
import { applyProfile } from "../profile/applyProfile";
import { resolveTwoMeanings, type Ambiguity } from "./ambiguity";
import { columnName } from "./assignColumns";
import { findCards, placeCardYear } from "./cards";
import type { SheetView } from "../sheetView";
import { displayText } from "../text";
import { assignColumns } from "./assignColumns";
import { composeHeader, type HeaderSegment } from "./composeHeader";
import { fiscalYearLabel } from "./yearForms";
import { headerClaims, resolveFiscalYear, sheetNameClaim, titleBlock } from "./fiscalYear";
import { headerRowsAt, isHeaderCandidate } from "./headerRows";

/** A header names at least this many distinct fields, among them the core ones. */
const MIN_HEADER_FIELDS = 6;
const CORE_MEANINGS = ["kpi", "status", "actualOrPrevious"];
/**
 * Other cities' headers may have no 進捗状況 (the evaluation is kensho's to compute) and fewer
 * columns: the KPI's name, an actual and something to judge it by still make a header.
 */
const MIN_CITY_FIELDS = 4;
const JUDGED_BY = ["status", "target", "finalTarget", "baseline"];
/** Rows above a header searched for its title: the whole top of the sheet, or a repeated block's own. */
const TITLE_ROWS_FIRST = 20;
const TITLE_ROWS_REPEATED = 5;

interface FoundHeader {
  rows: number[];
  segments: HeaderSegment[];
  /** Where the header's page starts: its title row, else its first header row. */
  pageTop: number;
  /** A heading whose word could mean two fields and that nothing around it decides. */
  ambiguity: Ambiguity | null;
}

function isHeader(segments: HeaderSegment[]): boolean {
  const meanings = new Set<string>();
  // A profile names this year's or last year's actual outright: still a 実績 column.
  for (const s of segments)
    if (s.meaning !== null)
      meanings.add(s.meaning === "actual" || s.meaning === "previous" ? "actualOrPrevious" : s.meaning);
  if (meanings.size >= MIN_HEADER_FIELDS && CORE_MEANINGS.every((m) => meanings.has(m))) return true;
  return (
    meanings.size >= MIN_CITY_FIELDS &&
    meanings.has("kpi") &&
    meanings.has("actualOrPrevious") &&
    JUDGED_BY.some((m) => meanings.has(m))
  );
}

/** A header's segments with a profile applied and two-meaning words decided where the structure can. */
function readSegments(view: SheetView, rows: number[], profile: LayoutProfile | null | undefined) {
  const segments = composeHeader(view, rows);
  applyProfile(segments, profile);
  // The two-meaning words are counted as the field they would be, for the header test only.
  const ambiguity = resolveTwoMeanings(segments);
  return { segments, ambiguity };
}

/** Every header on a sheet (once, or repeated per block), with the titles above each. */
function findHeaders(
  view: SheetView,
  profile: LayoutProfile | null | undefined,
): { headers: FoundHeader[]; titles: YearClaim[] } {
  const headers: FoundHeader[] = [];
  const titles: YearClaim[] = [];
  let floor = view.firstRow;
  let r = view.firstRow;
  // A profile names headings kensho does not know: a row naming fewer known words may then be one.
  const minLabels = profile?.fields || profile?.reasonColumn ? 2 : undefined;
  while (r <= view.lastRow) {
    if (!isHeaderCandidate(view, r, minLabels)) {
      r++;
      continue;
    }
    const rows = headerRowsAt(view, r, floor);
    const { segments, ambiguity } = readSegments(view, rows, profile);
    if (!(ambiguity ? isHeaderEitherWay(segments, ambiguity) : isHeader(segments))) {
      r++;
      continue;
    }
    const reach = headers.length === 0 ? TITLE_ROWS_FIRST : TITLE_ROWS_REPEATED;
    const title = titleBlock(view, Math.max(floor, rows[0] - reach), rows[0]);
    titles.push(...title.claims);
    const pageTop =
      title.firstRow ?? (headers.length > 0 ? sectionHeadingAbove(view, rows[0], floor) : rows[0]);
    headers.push({ rows, segments, pageTop, ambiguity });
    r = rows[rows.length - 1] + 1;
    floor = r;
  }
  return { headers, titles };
}

/** A section's own heading (■施策② 水産業の振興) a few rows above a repeated header: one short text. */
const MAX_SECTION_HEADING = 40;
function sectionHeadingAbove(view: SheetView, headerTop: number, floor: number): number {
  let top = headerTop;
  for (let r = headerTop - 1; r >= Math.max(floor, headerTop - TITLE_ROWS_REPEATED); r--) {
    const cells = view.rowCells(r).filter((c) => displayText(c).trim() !== "");
    if (cells.length === 0) continue;
    const text = displayText(cells[0]).trim();
    // The nearest text above only: one short cell of its own (not a KPI's text row merged across).
    const m = view.mergeAt(r, cells[0].col);
    const wide = m !== null && m.right > m.left;
    if (cells.length === 1 && !wide && text.length <= MAX_SECTION_HEADING && !/^[\d,.%\s]+$/.test(text))
      top = r;
    break;
  }
  return top;
}

/** What an undecided word could be: a header is one if either reading makes it one. */
const READINGS: Record<string, HeaderSegment["meaning"][]> = {
  baselineOrActual: ["baseline", "actualOrPrevious"],
  kpiOrTarget: ["kpi", "target"],
  targetOrActual: ["actualOrPrevious", "target"],
};

function isHeaderEitherWay(segments: HeaderSegment[], a: Ambiguity): boolean {
  return (READINGS[a.meaning as string] ?? []).some((m) =>
    isHeader(segments.map((s) => (a.segments.includes(s) ? { ...s, meaning: m } : s))),
  );
}

/** The conflict an undecided two-meaning word makes: its columns, named. */
function ambiguityConflict(a: Ambiguity, headerRow: number, fy: number | null): LayoutConflict {
  const field = a.meaning === "kpiOrTarget" ? "kpi" : a.meaning === "targetOrActual" ? "target" : "baseline";
  return {
    kind: "ambiguous-word",
    field,
    columns: a.segments.map((s) => ({ column: columnName(s.cols), header: s.header })),
    headerRow: headerRow + 1,
    fiscalYear: fy === null ? null : fiscalYearLabel(fy),
  };
}

/** A sheet of cards (one KPI per sheet or block): read when no header is found. */
function readCards(view: SheetView, options: LayoutOptions): SheetLayout | null {
  const cards = findCards(view);
  if (cards.length === 0) return null;
  const sheet = view.grid.name;
  const claims: YearClaim[] = [];
  if (options.statedYear != null) {
    const year = options.statedYear;
    claims.push({ source: "stated", year, text: options.statedText ?? fiscalYearLabel(year), cell: null });
  }
  for (const c of cards) if (c.claim) claims.push(c.claim);
  claims.push(...titleBlock(view, view.firstRow, cards[0].block.headerRows[0]).claims);
  const named = sheetNameClaim(sheet);
  if (named) claims.push(named);
  const yearClaims = distinctClaims(claims);
  const decided = resolveFiscalYear(yearClaims);
  const fy = decided?.year ?? null;
  let conflict: LayoutConflict | null = null;
  for (const c of cards) {
    if (fy !== null && placeCardYear(c, fy)) continue;
    conflict ??= {
      kind: "year-column-missing",
      field: "actual",
      columns: [...c.years.keys()].map((col) => ({
        column: columnName([col]),
        header: view.text(c.block.headerRows[0], col),
      })),
      headerRow: c.block.headerRows[0] + 1,
      fiscalYear: fy === null ? null : fiscalYearLabel(fy),
    };
  }
  return {
    sheet,
    blocks: cards.map((c) => c.block),
    fiscalYear: fy === null ? null : fiscalYearLabel(fy),
    fiscalYearSource: decided?.source ?? null,
    yearClaims,
    conflict,
  };
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
  /** A city's profile: headings and columns it pins to fields, headings it ignores. */
  profile?: LayoutProfile | null;
}

/**
 * Finds every header on a sheet and maps its columns by meaning, for the sheet's fiscal year.
 * A header that two columns claim one field of sets `conflict`, and its blocks are not to be read.
 */
export function detectLayout(view: SheetView, options: LayoutOptions = {}): SheetLayout {
  const sheet = view.grid.name;
  const { headers, titles } = findHeaders(view, options.profile);
  const empty: SheetLayout = {
    sheet,
    blocks: [],
    fiscalYear: null,
    fiscalYearSource: null,
    yearClaims: [],
    conflict: null,
  };
  if (headers.length === 0) return readCards(view, options) ?? empty;

  const claims: YearClaim[] = [];
  if (options.statedYear != null) {
    const year = options.statedYear;
    claims.push({ source: "stated", year, text: options.statedText ?? fiscalYearLabel(year), cell: null });
  }
  for (const h of headers) claims.push(...headerClaims(h.segments, view, h.rows));
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
    conflict ??= h.ambiguity ? ambiguityConflict(h.ambiguity, h.rows[0], fy) : clash;
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
