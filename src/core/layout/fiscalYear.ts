// The fiscal year a sheet is for, from every source that names one: the user (--year, the pane's
// setting), the 実績値, 目標値 and ①②③ headers, the title, the sheet's name. Each source's word is
// kept, so that a disagreement is reported, never settled silently.
import { a1 } from "../address";
import type { SheetView } from "../sheetView";
import type { YearClaim, YearSource } from "../model";
import { displayText, labelKey } from "../text";
import { yearCell, type HeaderSegment } from "./composeHeader";
import { yearsIn } from "./yearForms";

/**
 * The order sources are named in, and which decides a tie. The user's word first; then the 実績値
 * headers, since they say which column holds this year's figures; the title and the sheet's name
 * last, as they are the easiest to leave unchanged when a sheet is copied for a new year.
 */
export const YEAR_PRIORITY: readonly YearSource[] = [
  "stated",
  "actual-header",
  "target-header",
  "activity-header",
  "title",
  "sheet-name",
];

/** A header's word weighs more than a title's: the headers are what the columns are read by. */
const WEIGHT: Record<YearSource, number> = {
  stated: Infinity,
  "actual-header": 2,
  "target-header": 2,
  "activity-header": 2,
  title: 1,
  "sheet-name": 1,
};

/**
 * What a header says about the year: its 実績値 (the latest, when every one names a year), its 目標値
 * (when every one names the same year), its ①②③ column.
 */
export function headerClaims(segments: HeaderSegment[], view?: SheetView, rows?: number[]): YearClaim[] {
  const claims: YearClaim[] = [];
  const claim = (source: YearSource, s: HeaderSegment) => {
    if (s.year !== null) claims.push({ source, year: s.year, text: s.header, cell: yearCell(s) });
  };
  const actuals = segments.filter((s) => s.meaning === "actualOrPrevious");
  if (actuals.length > 0 && actuals.every((s) => s.year !== null && s.relative === null)) {
    // Years across (one 実績 column per year, later years still empty): the latest year with figures.
    const filled =
      actuals.length >= YEARS_ACROSS && view && rows
        ? actuals.filter((s) => holdsData(view, rows, s))
        : actuals;
    const pool = filled.length > 0 ? filled : actuals;
    claim(
      "actual-header",
      pool.reduce((a, b) => ((b.year ?? 0) > (a.year ?? 0) ? b : a)),
    );
  }
  // A 目標値 with no year is this year's, so a dated one beside it is another year's: no claim then.
  // Nor does a target dated beyond the year after the latest dated 実績 claim the year: it is the
  // plan's final target (目標値 (H31) beside H27 実績), not this year's.
  const targets = segments.filter((s) => s.meaning === "target");
  const latestActual = Math.max(-Infinity, ...actuals.map((s) => s.year ?? -Infinity));
  const dated =
    targets.every((s) => s.relative === null && s.year !== null && s.year === targets[0].year) &&
    !(targets.length > 0 && (targets[0].year ?? 0) > latestActual + 1 && latestActual > -Infinity);
  if (targets.length > 0 && dated) claim("target-header", targets[0]);
  const activity = segments.find((s) => s.meaning === "activity" && s.year !== null);
  if (activity) claim("activity-header", activity);
  return claims;
}

/** Three or more dated 実績 columns are a run of years, not this year's and last year's. */
const YEARS_ACROSS = 3;
/** Rows below a header looked at for a year's figures. */
const DATA_ROWS_LOOKED_AT = 500;

/** Whether any row below the header holds something in the segment's first column. */
function holdsData(view: SheetView, rows: number[], s: HeaderSegment): boolean {
  const from = rows[rows.length - 1] + 1;
  const to = Math.min(view.lastRow, from + DATA_ROWS_LOOKED_AT);
  for (let r = from; r <= to; r++) if (displayText(view.ownCell(r, s.cols[0])).trim() !== "") return true;
  return false;
}

const TITLE_WORDS = /効果検証|検証シート|評価シート|進捗管理|総合戦略/;
/** A row that starts a page: a title naming the sheet itself, alone on its row (data rows are full). */
const PAGE_TITLE_WORDS = /効果検証|検証シート|評価シート/;
const MAX_PAGE_TITLE_CELLS = 3;
const MAX_TITLE_LENGTH = 120;

/** The year a title states: its only one, else the last named before the words that make it a title. */
function titleYear(text: string): number | null {
  const mentions = yearsIn(text);
  if (mentions.length === 0) return null;
  if (new Set(mentions.map((m) => m.year)).size === 1) return mentions[0].year;
  const at = labelKey(text).search(TITLE_WORDS);
  const before = mentions.filter((m) => m.index < at);
  return before.length > 0 ? before[before.length - 1].year : null;
}

/** What the rows above a header say: the years their titles state, and the first title row. */
export interface TitleBlock {
  claims: YearClaim[];
  /** 0-based row of the first title above the header (a repeated page starts there); null if none. */
  firstRow: number | null;
}

/** Title rows above a header (rows `from` to `to`, exclusive): 令和5年度 …効果検証シート. */
export function titleBlock(view: SheetView, from: number, to: number): TitleBlock {
  const claims: YearClaim[] = [];
  let firstRow: number | null = null;
  for (let r = Math.max(from, view.firstRow); r < to; r++) {
    const cells = view.rowCells(r);
    for (const c of cells) {
      const text = displayText(c);
      if (text.length > MAX_TITLE_LENGTH || text.includes("。") || !TITLE_WORDS.test(labelKey(text)))
        continue;
      if (cells.length <= MAX_PAGE_TITLE_CELLS && PAGE_TITLE_WORDS.test(labelKey(text))) firstRow ??= r;
      const year = titleYear(text);
      if (year !== null) claims.push({ source: "title", year, text: text.trim(), cell: a1(c.row, c.col) });
    }
  }
  return { claims, firstRow };
}

/** A sheet named for its year: "R6", "令和6年度", "2024年度_1-1". */
export function sheetNameClaim(name: string): YearClaim | null {
  const m = yearsIn(name)[0];
  return m ? { source: "sheet-name", year: m.year, text: name, cell: null } : null;
}

/**
 * The year to read the sheet for: the user's, else the year its sources weigh most for (a tie goes
 * to the higher source). 令和4年度実績値 beside a blank-headed column, under a 令和5年度 目標値 and
 * title, is last year's: the year is 令和5年度. Null when no source names one.
 */
export function resolveFiscalYear(claims: YearClaim[]): YearClaim | null {
  const weights = new Map<number, number>();
  for (const c of claims) weights.set(c.year, (weights.get(c.year) ?? 0) + WEIGHT[c.source]);
  let best: { claim: YearClaim; weight: number; rank: number } | null = null;
  for (const c of claims) {
    const weight = weights.get(c.year) ?? 0;
    const rank = YEAR_PRIORITY.indexOf(c.source);
    if (!best || weight > best.weight || (weight === best.weight && rank < best.rank)) {
      best = { claim: c, weight, rank };
    }
  }
  return best?.claim ?? null;
}
