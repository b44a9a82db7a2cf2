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
 * Which source decides when they disagree. The user's word first; then the 実績値 headers, since
 * they say which column holds this year's figures; the title and the sheet's name last, as they
 * are the easiest to leave unchanged when a sheet is copied for a new year.
 */
export const YEAR_PRIORITY: readonly YearSource[] = [
  "stated",
  "actual-header",
  "target-header",
  "activity-header",
  "title",
  "sheet-name",
];

/** What a header says about the year: its 実績値 (the latest, when every one names a year), its
 * 目標値 (when all name the same year), its ①②③ column. */
export function headerClaims(segments: HeaderSegment[]): YearClaim[] {
  const claims: YearClaim[] = [];
  const claim = (source: YearSource, s: HeaderSegment) => {
    if (s.year !== null) claims.push({ source, year: s.year, text: s.header, cell: yearCell(s) });
  };
  const actuals = segments.filter((s) => s.meaning === "actualOrPrevious");
  if (actuals.length > 0 && actuals.every((s) => s.year !== null && s.relative === null)) {
    claim(
      "actual-header",
      actuals.reduce((a, b) => ((b.year ?? 0) > (a.year ?? 0) ? b : a)),
    );
  }
  const targets = segments.filter((s) => s.meaning === "target" && s.relative === null && s.year !== null);
  if (targets.length > 0 && targets.every((s) => s.year === targets[0].year))
    claim("target-header", targets[0]);
  const activity = segments.find((s) => s.meaning === "activity" && s.year !== null);
  if (activity) claim("activity-header", activity);
  return claims;
}

const TITLE_WORDS = /効果検証|検証シート|評価シート|進捗管理|総合戦略/;
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

/** Title rows above a header (rows `from` to `to`, exclusive): 令和5年度 …効果検証シート. */
export function titleClaims(view: SheetView, from: number, to: number): YearClaim[] {
  const claims: YearClaim[] = [];
  for (let r = Math.max(from, view.firstRow); r < to; r++) {
    for (const c of view.rowCells(r)) {
      const text = displayText(c);
      if (text.length > MAX_TITLE_LENGTH || text.includes("。") || !TITLE_WORDS.test(labelKey(text)))
        continue;
      const year = titleYear(text);
      if (year !== null) claims.push({ source: "title", year, text: text.trim(), cell: a1(c.row, c.col) });
    }
  }
  return claims;
}

/** A sheet named for its year: "R6", "令和6年度", "2024年度_1-1". */
export function sheetNameClaim(name: string): YearClaim | null {
  const m = yearsIn(name)[0];
  return m ? { source: "sheet-name", year: m.year, text: name, cell: null } : null;
}

/** The year to read the sheet for: the first source in priority order; null when none names one. */
export function resolveFiscalYear(claims: YearClaim[]): YearClaim | null {
  for (const source of YEAR_PRIORITY) {
    const c = claims.find((x) => x.source === source);
    if (c) return c;
  }
  return null;
}
