// Last year's workbook (--previous; the pane's 前年度のファイル): each KPI found by identity, as merge
// finds rows (core/cycle/identity.ts), then compared with this year's row:
//   previous-actual-differs  this year's 前年度実績値 is not the actual reported last year (parsed);
//   activity-text-unchanged  the ①②③ text is last year's, white space aside, though the actual changed;
//   reason-unchanged         the reason for a delay is last year's, though the actual changed;
//   baseline-changed / final-target-changed  the figure differs from last year's sheet, outside a
//                            strategy revision (the KPI master knows when a KPI was replaced or re-based).
// It also gives each KPI its history: the baseline, each year's actual and target, the final target.
import type { CheckedRow, Finding, KpiHistory, ParsedValue } from "../model";
import { RowMatcher } from "../cycle/identity";
import { kpiNameKey, type KpiMaster } from "../master/kpiMaster";
import { finding } from "./findingFactory";
import { TOLERANCE } from "../progress/achievement";
import { isDash } from "../text";
import { unitsComparable } from "../values/units";
import { parseFiscalYear } from "../layout/yearForms";
import type { DatedActual } from "../progress/pace";

/** One of last year's (or an earlier year's) workbooks, checked. */
export interface PreviousWorkbook {
  /** The file's name as given, for messages. */
  file: string;
  fiscalYear: string | null;
  rows: readonly CheckedRow[];
  /** The department a split copy was made for: its rows are preferred for that department. */
  department?: string | null;
}

const near = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Whether two values say the same figure: numbers (in comparable units, base unit compared),
 * every part alike, or the same category. null when they cannot be compared (blank, a note, a
 * number beside a sentence): the rules stay silent then.
 */
export function sameFigure(a: ParsedValue, b: ParsedValue): boolean | null {
  if (a.kind === "number" && b.kind === "number" && a.number !== null && b.number !== null)
    return unitsComparable(a, b) ? near(a.number, b.number) : false;
  if (a.kind === "parts" && b.kind === "parts")
    return (
      a.parts.length === b.parts.length &&
      a.parts.every((p) => {
        const q = b.parts.find((x) => x.label === p.label);
        return q !== undefined && unitsComparable(p, q) && near(p.number, q.number);
      })
    );
  if (a.kind === "category" && b.kind === "category") return a.category === b.category;
  return null;
}

/** A sheet's text compared white space aside (line breaks, full-width spaces). */
const plain = (text: string) => text.replace(/\s+/g, "");

function textOf(row: CheckedRow, field: "activity" | "reason"): string {
  const c = row.cells[field]?.cell;
  if (!c) return "";
  return typeof c.value === "string" ? c.value : c.text;
}

/** A figure stated by the sheet for baseline or final target, compared by meaning, else as text. */
function differs(a: ParsedValue, b: ParsedValue): boolean {
  const same = sameFigure(a, b);
  if (same !== null) return !same;
  if (a.kind === "blank" || b.kind === "blank") return false;
  return plain(a.raw) !== plain(b.raw);
}

/**
 * Whether the master records a revision of this KPI between last year and this year: an entry for
 * its name (or the entry that replaced it) that starts in force after last year and by next year
 * (a revision decided this year is already on this year's sheet, as 令和6年3月's was on 令和5年度's),
 * or that stops being in force this year or last.
 */
export function revisedBetween(master: KpiMaster, name: string, lastYear: number, thisYear: number): boolean {
  const entries = [...(master.byKey.get(kpiNameKey(name)) ?? [])];
  for (const e of [...entries])
    if (e.replacedBy) {
      const next = master.entries.find((x) => x.id === e.replacedBy);
      if (next) entries.push(next);
    }
  return entries.some(
    (e) =>
      (e.inForceFrom > lastYear && e.inForceFrom <= thisYear + 1) ||
      (e.inForceUntil !== null && e.inForceUntil >= lastYear && e.inForceUntil <= thisYear),
  );
}

/** Last year's row for each KPI: a split copy's own department first, then a row with an actual. */
function pickRows(workbooks: readonly PreviousWorkbook[]): CheckedRow[] {
  const chosen = new Map<string, { row: CheckedRow; score: number }>();
  for (const wb of workbooks)
    for (const row of wb.rows) {
      if (row.name === "") continue;
      const key = `${row.kind}\u0000${row.subGoal ?? row.goal ?? ""}\u0000${row.measure ?? ""}\u0000${kpiNameKey(row.name)}`;
      const own = wb.department != null && row.department === wb.department ? 2 : 0;
      const filled = row.values.actual.kind !== "blank" ? 1 : 0;
      const score = own + filled;
      const had = chosen.get(key);
      if (!had || score > had.score) chosen.set(key, { row, score });
    }
  return [...chosen.values()].map((c) => c.row);
}

export interface PreviousYearResult {
  findings: Finding[];
  /** Each row of this year's, with its history (rows last year's workbooks do not have included). */
  history: Map<CheckedRow, KpiHistory>;
  /** Earlier years' actuals of each row from last year's workbooks, for the pace. */
  earlier: Map<CheckedRow, DatedActual[]>;
  /** Workbooks not used: of this year or later, or whose year is unknown. */
  ignored: PreviousWorkbook[];
}

/**
 * Compares this year's rows with last year's workbooks (and builds every row's history from all
 * the workbooks given, whatever their year). `fiscalYear` is this year's (Gregorian start year).
 */
export function compareWithPrevious(
  rows: readonly CheckedRow[],
  workbooks: readonly PreviousWorkbook[],
  fiscalYear: number | null,
  master: KpiMaster,
): PreviousYearResult {
  const findings: Finding[] = [];
  const history = new Map<CheckedRow, KpiHistory>();
  const earlier = new Map<CheckedRow, DatedActual[]>();
  const byYear = new Map<number, PreviousWorkbook[]>();
  const ignored: PreviousWorkbook[] = [];
  for (const wb of workbooks) {
    const y = wb.fiscalYear ? parseFiscalYear(wb.fiscalYear) : null;
    if (y === null || fiscalYear === null || y >= fiscalYear) ignored.push(wb);
    else byYear.set(y, [...(byYear.get(y) ?? []), wb]);
  }
  const matchers = new Map<number, RowMatcher<CheckedRow>>();
  for (const [y, wbs] of byYear) matchers.set(y, new RowMatcher(pickRows(wbs)));
  const lastYear = fiscalYear === null ? null : fiscalYear - 1;
  const lastFile = lastYear === null ? undefined : byYear.get(lastYear)?.[0];

  for (const row of rows) {
    // History: this year, this sheet's 前年度 column, then what each older workbook says.
    const years = new Map<number, KpiHistory["years"][number]>();
    if (fiscalYear !== null) {
      years.set(fiscalYear, {
        year: fiscalYear,
        actual: rawOrNull(row.values.actual),
        target: rawOrNull(row.values.target),
        source: "this-year",
      });
      years.set(fiscalYear - 1, {
        year: fiscalYear - 1,
        actual: rawOrNull(row.values.previous),
        target: null,
        source: "previous-column",
      });
    }
    const known: DatedActual[] = [];
    for (const [y, matcher] of [...matchers].sort((a, b) => b[0] - a[0])) {
      const old = matcher.match(row);
      if (!old) continue;
      known.push({ value: old.values.actual, year: y }, { value: old.values.previous, year: y - 1 });
      years.set(y, {
        year: y,
        actual: rawOrNull(old.values.actual),
        target: rawOrNull(old.values.target),
        source: "previous-workbook",
      });
      if (!years.has(y - 1) && old.values.previous.kind !== "blank")
        years.set(y - 1, {
          year: y - 1,
          actual: rawOrNull(old.values.previous),
          target: null,
          source: "previous-column",
        });
    }
    earlier.set(row, known);
    history.set(row, {
      baseline: { raw: row.values.baseline.raw.trim(), year: row.values.baseline.period?.year ?? null },
      finalTarget: {
        raw: row.values.finalTarget.raw.trim(),
        year: row.values.finalTarget.period?.year ?? null,
      },
      years: [...years.values()]
        .filter((y) => y.actual !== null || y.target !== null)
        .sort((a, b) => a.year - b.year),
    });

    if (lastYear === null || !lastFile) continue;
    const last = matchers.get(lastYear)!.match(row);
    if (!last) continue;
    const facts = { previousFile: lastFile.file, previousYear: lastFile.fiscalYear };
    const v = row.values;
    const o = last.values;
    if (row.cells.previous && sameFigure(v.previous, o.actual) === false)
      findings.push(
        finding("previous-actual-differs", row, "previous", {
          ...facts,
          raw: v.previous.raw.trim(),
          expected: o.actual.raw.trim(),
        }),
      );
    const actualChanged = sameFigure(v.actual, o.actual) === false;
    if (actualChanged) {
      const text = textOf(row, "activity");
      if (text.trim() !== "" && plain(text) === plain(textOf(last, "activity")))
        findings.push(finding("activity-text-unchanged", row, "activity", facts));
      const reason = textOf(row, "reason");
      if (reason.trim() !== "" && !isDash(reason.trim()) && plain(reason) === plain(textOf(last, "reason")))
        findings.push(finding("reason-unchanged", row, "reason", facts));
    }
    if (!revisedBetween(master, row.name, lastYear, fiscalYear!)) {
      if (row.cells.baseline && differs(v.baseline, o.baseline))
        findings.push(
          finding("baseline-changed", row, "baseline", {
            ...facts,
            field: "baseline",
            raw: v.baseline.raw.trim(),
            expected: o.baseline.raw.trim(),
          }),
        );
      if (row.cells.finalTarget && differs(v.finalTarget, o.finalTarget))
        findings.push(
          finding("final-target-changed", row, "finalTarget", {
            ...facts,
            field: "finalTarget",
            raw: v.finalTarget.raw.trim(),
            expected: o.finalTarget.raw.trim(),
          }),
        );
    }
  }
  return { findings, history, earlier, ignored };
}

function rawOrNull(v: ParsedValue): string | null {
  const t = v.raw.trim();
  return v.kind === "blank" || t === "" ? null : t;
}
