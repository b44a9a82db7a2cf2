// Targets a sheet does not give as this year's figure. A baseline and a final target, both dated,
// give the year's expected value on the straight line between them (target-interpolated). Words in
// the target cell give a direction only (増加, 維持, 前年度以上), a target still to be set (設定予定,
// 未定), or, written in the actual too, a KPI that has ended (事業廃止): no ratio is made of them.
import type { Direction, ParsedValue, TargetBasis, VerificationRow } from "../model";
import { labelKey } from "../text";
import { emptyValue } from "../values/parseText";
import { writtenUnit } from "../values/units";
import { TOLERANCE } from "./achievement";

/** Direction-only targets: the word, what it asks, and whether equal to the comparison is enough. */
const DIRECTION_WORDS: ReadonlyMap<string, { direction: Direction; orEqual: boolean }> = new Map([
  ["増加", { direction: "increase", orEqual: false }],
  ["増", { direction: "increase", orEqual: false }],
  ["向上", { direction: "increase", orEqual: false }],
  ["拡大", { direction: "increase", orEqual: false }],
  ["前年度以上", { direction: "increase", orEqual: true }],
  ["前年以上", { direction: "increase", orEqual: true }],
  ["現状以上", { direction: "increase", orEqual: true }],
  ["減少", { direction: "decrease", orEqual: false }],
  ["削減", { direction: "decrease", orEqual: false }],
  ["前年度以下", { direction: "decrease", orEqual: true }],
  ["維持", { direction: "maintain", orEqual: true }],
  ["現状維持", { direction: "maintain", orEqual: true }],
]);

/** Target words that say the figure is still to be set: missing-target, as a blank would be. */
const PENDING_WORDS = new Set(["設定予定", "未定", "検討中", "調整中", "未設定", "設定中"]);

/** Words for a KPI that has ended: written in both cells, they are a note, never a status. */
const ENDED_WORDS = new Set(["事業廃止", "廃止", "事業終了", "終了", "中止", "事業中止", "休止"]);

const wordOf = (v: ParsedValue): string | null =>
  v.kind === "category" || v.kind === "note" ? labelKey(v.raw).replace(/[。.]$/, "") : null;

/** Whether the target cell says its figure is still to be set. */
export function isPendingTarget(target: ParsedValue): boolean {
  const w = wordOf(target);
  return w !== null && PENDING_WORDS.has(w);
}

/** Whether the actual and the target both say the KPI has ended (事業廃止 in both). */
export function isEndedKpi(actual: ParsedValue, target: ParsedValue): boolean {
  const a = wordOf(actual);
  return a !== null && ENDED_WORDS.has(a) && a === wordOf(target);
}

/** The number a value holds, for a direction-only comparison. */
const figure = (v: ParsedValue): number | null => (v.kind === "number" ? v.number : null);

export interface DirectionOutcome {
  basis: TargetBasis & { kind: "direction" };
  /** true when the actual went the asked way against the figure it was compared with. */
  met: boolean;
}

/**
 * A direction-only target (増加, 維持, 前年度以上) judged against last year's actual, or the baseline
 * when there is none; null when the target is not such a word or nothing can be compared.
 */
export function directionTarget(values: VerificationRow["values"]): DirectionOutcome | null {
  const w = wordOf(values.target);
  const ask = w === null ? undefined : DIRECTION_WORDS.get(w);
  const now = figure(values.actual);
  if (!ask || now === null) return null;
  const prev = figure(values.previous);
  const base = figure(values.baseline);
  const against = prev !== null ? "previous" : base !== null ? "baseline" : null;
  const before = prev ?? base;
  if (against === null || before === null) return null;
  const eps = TOLERANCE * Math.max(1, Math.abs(before));
  const same = Math.abs(now - before) <= eps;
  const met =
    ask.direction === "increase"
      ? now > before + eps || (ask.orEqual && same)
      : ask.direction === "decrease"
        ? now < before - eps || (ask.orEqual && same)
        : same || now > before;
  const compared = (against === "previous" ? values.previous : values.baseline).raw.trim();
  return {
    basis: { kind: "direction", word: values.target.raw.trim(), direction: ask.direction, against, compared },
    met,
  };
}

/** The year a value or its column is dated to: its own (令和元年度) reference period, else the header's. */
function yearOf(v: ParsedValue, columnYear: number | undefined): number | null {
  return v.period?.year ?? columnYear ?? null;
}

/**
 * The year's expected value on the straight line, in fiscal years, from the dated baseline to the
 * dated final target; null when either is missing, undated, not a number, or the year is outside them.
 */
export function interpolatedTarget(
  values: VerificationRow["values"],
  years: { baseline?: number; finalTarget?: number },
  fiscalYear: number | null,
): { value: ParsedValue; basis: TargetBasis & { kind: "interpolated" } } | null {
  const { baseline, finalTarget } = values;
  if (fiscalYear === null || baseline.kind !== "number" || finalTarget.kind !== "number") return null;
  if (baseline.number === null || finalTarget.number === null) return null;
  if (baseline.unit !== null && finalTarget.unit !== null && baseline.unit !== finalTarget.unit) return null;
  const from = yearOf(baseline, years.baseline);
  const to = yearOf(finalTarget, years.finalTarget);
  if (from === null || to === null || !(from < fiscalYear && fiscalYear <= to)) return null;
  const raw = baseline.number + ((finalTarget.number - baseline.number) * (fiscalYear - from)) / (to - from);
  // Figures read as people write them: four significant decimals at most.
  const number = Math.round(raw * 10000) / 10000;
  const unit = finalTarget.unit ?? baseline.unit;
  const scale = finalTarget.scale;
  const inWritten = Math.round((number / 10 ** scale) * 10000) / 10000;
  const shown = `${inWritten.toLocaleString("en-US", { maximumFractionDigits: 4 })}${writtenUnit(unit, scale)}`;
  const value = emptyValue(shown);
  value.kind = "number";
  value.number = number;
  value.unit = unit;
  value.scale = scale;
  return { value, basis: { kind: "interpolated", value: number, unit, shown, fromYear: from, toYear: to } };
}
