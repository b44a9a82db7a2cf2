// 見通し: the pace to the final target (domain.md, "Pace to the final target"). Pure.
//
// The rule, for a KPI with a dated baseline, this year's actual and a final target:
//   pace      = (actual − baseline) / (actual's year − baseline's year), the average yearly change;
//   projected = actual + pace × (final year − actual's year)  (the actual itself once the final year is reached);
//   達成見込み ("on-track")  the projection meets the final target in the KPI's direction
//                           (increase: ≥ target; decrease: ≤ target; maintain: ≥ target);
//   要注意     ("watch")     it falls short, but this year's status is 順調に進捗 or 概ね順調に進捗 (on a
//                           city's scale: a level above the first that asks for a reason);
//   達成困難   ("off-track") otherwise.
// A value's year is its own reference period when it states one (11,017億円 (令和3年) is 2021), else
// its column's year (基準値 (令和元年度) is 2019; 計画最終年度 目標値 (令和9年度) is 2027; this year's
// 実績値 is the sheet's fiscal year). Calendar and fiscal years are counted alike. The status is the
// computed one, or the entered one where none can be computed.
//
// Beside it, the recent pace: from the earliest actual known after the baseline year (last year's
// 前年度実績値, or an earlier year's from last year's workbook) to this year's, projected the same
// way. It is shown, not judged: the contract's judgement is on the pace since the baseline.
//
// No judgement without two dated points in comparable units and a numeric final target, and the
// reason is said. Multi-part values (男性 / 女性) are projected part by part; every part must meet
// its target for 達成見込み.
import type { Direction, ParsedValue } from "../model";
import { TOLERANCE } from "./achievement";
import { unitsComparable, writtenUnit } from "../values/units";
import { makeReferencePeriod } from "../values/referencePeriod";
import { memoByString } from "../memo";

export type OutlookJudgement = "on-track" | "watch" | "off-track";

/** Why no judgement could be made. */
export type NoOutlookReason =
  /** The final target is blank, a sentence (a replaced KPI) or otherwise not a figure. */
  | { code: "no-final-target" }
  | { code: "no-actual" }
  | { code: "no-baseline" }
  /** The baseline, this year's actual or the final target has no year: neither its own nor its column's. */
  | { code: "undated"; field: "baseline" | "actual" | "finalTarget" }
  /** This year's actual is dated no later than the baseline: no time has passed to measure a pace. */
  | { code: "no-time-elapsed"; baselineYear: number; actualYear: number }
  | { code: "units-differ" }
  /** Categories (待機児童なし) or figures of different shapes (one against several parts). */
  | { code: "not-comparable" }
  | { code: "no-direction" };

export interface PartOutlook {
  /** "" for a single figure; the part's label otherwise (男性). */
  label: string;
  projected: number;
  finalTarget: number;
  meets: boolean;
  /** Average yearly change since the baseline. */
  pace: number;
}

export interface Outlook {
  judgement: OutlookJudgement | null;
  reason: NoOutlookReason | null;
  /** Each figure's projection (one, or one per part). Empty without a judgement. */
  parts: PartOutlook[];
  /** The unit of the figures as written with its multiplier ("億円", "人"); "" when none. */
  unit: string;
  /** Power of ten written with the final target (億 8): the projection is shown in the same form. */
  scale: number;
  /** Decimals the final target is written with (1.64 → 2): the projection is shown alike. */
  decimals: number;
  /**
   * The years used: the baseline's, this year's actual's, and the final target's (Gregorian), with
   * their labels as the values or their columns state them (令和元年度, 令和3年: calendar or fiscal).
   */
  years: {
    baseline: number;
    actual: number;
    final: number;
    labels: { baseline: string; actual: string; final: string };
  } | null;
  /** The recent pace's projection, from the earliest actual known after the baseline year. */
  recent: {
    fromYear: number;
    /** As the value or its column states it (令和4年度, 令和3年). */
    fromLabel: string;
    parts: Array<{ label: string; projected: number; pace: number }>;
  } | null;
}

/** A known actual of an earlier year (last year's 前年度実績値, or from last year's workbook). */
export interface DatedActual {
  value: ParsedValue;
  /** Its column's year, used when the value states none. */
  year: number | null;
}

export interface PaceInput {
  direction: Direction | null;
  baseline: ParsedValue;
  baselineYear: number | null;
  actual: ParsedValue;
  actualYear: number | null;
  finalTarget: ParsedValue;
  finalYear: number | null;
  /**
   * Whether this year's status (computed, else the recognised entered one) is on track: 順調に進捗 or
   * 概ね順調に進捗, or on a city's scale a level above the first one that asks for a reason; null
   * when there is no status.
   */
  onTrackThisYear: boolean | null;
  earlier: readonly DatedActual[];
}

type Figure = { label: string; number: number; unit: string | null; scale?: number };
type Figures = readonly Figure[];

/**
 * A value's figures: the number itself (a ParsedValue carries label-less number, unit and scale
 * through `single`), or its parts. Runs on every row: no copies are made.
 */
function figures(v: ParsedValue): Figures | null {
  if (v.kind === "number" && v.number !== null) return [single(v)];
  if (v.kind === "parts" && v.parts.length > 0) return v.parts;
  return null;
}

function single(v: ParsedValue): Figure {
  return { label: "", number: v.number as number, unit: v.unit, scale: v.scale };
}

const NONE = (reason: NoOutlookReason): Outlook => ({
  judgement: null,
  reason,
  parts: [],
  unit: "",
  scale: 0,
  decimals: 0,
  years: null,
  recent: null,
});

/** Decimals of the first figure written in a text ("1.64" → 2, "1,630件" → 0); memoised, as texts repeat. */
const decimalsOf: (raw: string) => number = memoByString((raw) => {
  // Full-width digits read as digits, without normalising the whole text.
  const m = /[0-9０-９][0-9０-９,，]*(?:[.．]([0-9０-９]+))?/.exec(raw);
  return m?.[1]?.length ?? 0;
}, 1024);

const yearOf = (v: ParsedValue, column: number | null): number | null => v.period?.year ?? column;

/** 令和元年度 for 2019: a few years in all, each label made once. */
const fiscalLabels = new Map<number, string>();
function fiscalLabel(year: number): string {
  let label = fiscalLabels.get(year);
  if (label === undefined)
    fiscalLabels.set(year, (label = makeReferencePeriod(year, true)?.label ?? `${year}年度`));
  return label;
}

/** A value's year as its period says it (令和3年), else its column's fiscal year (令和元年度). */
const yearLabel = (v: ParsedValue, year: number): string => v.period?.label ?? fiscalLabel(year);

function meets(direction: Direction, projected: number, target: number): boolean {
  const tol = TOLERANCE * Math.max(1, Math.abs(target));
  return direction === "decrease" ? projected <= target + tol : projected >= target - tol;
}

/** Each final-target figure paired with the same figure (by label) of another value; null when one is missing. */
function pair(goal: Figures, other: Figures): Figures | null {
  // One figure against one: the common case, no new list.
  if (goal.length === 1 && other.length === 1 && goal[0].label === "") return other;
  const out: Figure[] = [];
  for (const g of goal) {
    const o = g.label === "" && other.length === 1 ? other[0] : other.find((x) => x.label === g.label);
    if (!o) return null;
    out.push(o);
  }
  return out;
}

const project = (actual: number, pace: number, from: number, to: number) =>
  to <= from ? actual : actual + pace * (to - from);

/** The outlook of one KPI; see the rule at the top of this file. */
export function paceOutlook(input: PaceInput): Outlook {
  const goal = figures(input.finalTarget);
  if (!goal)
    return NONE({ code: input.finalTarget.kind === "category" ? "not-comparable" : "no-final-target" });
  const now = figures(input.actual);
  if (!now) return NONE({ code: input.actual.kind === "category" ? "not-comparable" : "no-actual" });
  const base = figures(input.baseline);
  if (!base) return NONE({ code: input.baseline.kind === "category" ? "not-comparable" : "no-baseline" });
  const baselineYear = yearOf(input.baseline, input.baselineYear);
  if (baselineYear === null) return NONE({ code: "undated", field: "baseline" });
  const actualYear = yearOf(input.actual, input.actualYear);
  if (actualYear === null) return NONE({ code: "undated", field: "actual" });
  const finalYear = yearOf(input.finalTarget, input.finalYear);
  if (finalYear === null) return NONE({ code: "undated", field: "finalTarget" });
  if (actualYear <= baselineYear) return NONE({ code: "no-time-elapsed", baselineYear, actualYear });
  const a = pair(goal, now);
  const b = pair(goal, base);
  if (!a || !b) return NONE({ code: "not-comparable" });
  for (let i = 0; i < goal.length; i++)
    if (!unitsComparable(goal[i], a[i]) || !unitsComparable(goal[i], b[i]))
      return NONE({ code: "units-differ" });
  if (input.direction === null) return NONE({ code: "no-direction" });

  const span = actualYear - baselineYear;
  const parts: PartOutlook[] = goal.map((g, i) => {
    const pace = (a[i].number - b[i].number) / span;
    const projected = project(a[i].number, pace, actualYear, finalYear);
    return {
      label: g.label,
      projected,
      finalTarget: g.number,
      pace,
      meets: meets(input.direction!, projected, g.number),
    };
  });
  const onTrack = parts.every((p) => p.meets);
  const judgement: OutlookJudgement = onTrack ? "on-track" : input.onTrackThisYear ? "watch" : "off-track";

  // The recent pace: from the earliest dated actual after the baseline year and before this year's
  // whose figures compare with the final target's.
  let recent: Outlook["recent"] = null;
  let from: { value: ParsedValue; year: number; figures: Figures } | null = null;
  for (const e of input.earlier) {
    const year = yearOf(e.value, e.year);
    if (year === null || year <= baselineYear || year >= actualYear || (from && from.year <= year)) continue;
    const f = figures(e.value);
    const p = f && pair(goal, f);
    if (!p || goal.some((g, i) => !unitsComparable(g, p[i]))) continue;
    from = { value: e.value, year, figures: p };
  }
  if (from) {
    const years = actualYear - from.year;
    const p = from.figures;
    recent = {
      fromYear: from.year,
      fromLabel: yearLabel(from.value, from.year),
      parts: goal.map((g, i) => {
        const pace = (a[i].number - p[i].number) / years;
        return { label: g.label, pace, projected: project(a[i].number, pace, actualYear, finalYear) };
      }),
    };
  }

  const shown = input.finalTarget.kind === "number" ? input.finalTarget : null;
  return {
    judgement,
    reason: null,
    parts,
    unit: shown ? writtenUnit(shown.unit, shown.scale) : (goal[0].unit ?? ""),
    scale: shown?.scale ?? 0,
    decimals: decimalsOf(input.finalTarget.raw),
    years: {
      baseline: baselineYear,
      actual: actualYear,
      final: finalYear,
      labels: {
        baseline: yearLabel(input.baseline, baselineYear),
        actual: yearLabel(input.actual, actualYear),
        final: yearLabel(input.finalTarget, finalYear),
      },
    },
    recent,
  };
}
