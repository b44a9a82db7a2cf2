import type { Direction, NoStatusReason, ParsedValue } from "../model";
import { unitsComparable, writtenUnit } from "../values/units";

/** Comparisons allow for floating-point noise, so 85% on paper counts as 85%. */
export const TOLERANCE = 1e-9;

export type AchievementResult = { rate: number; reason: null } | { rate: null; reason: NoStatusReason };

const SHAPE: AchievementResult = { rate: null, reason: { code: "shape-differs" } };

function rateOf(direction: Direction, actual: number, target: number): number | null {
  switch (direction) {
    case "increase":
      if (target === 0) return actual >= 0 ? 1 : 0;
      return actual / target;
    case "decrease":
      if (actual === 0) return 1;
      return target / actual;
    case "maintain":
      if (actual >= target - TOLERANCE * Math.max(1, Math.abs(target))) return 1;
      return target === 0 ? 0 : actual / target;
  }
}

/** Kinds that carry no figure: nothing can be computed from them. */
function unusable(v: ParsedValue): boolean {
  return (
    v.kind === "blank" || v.kind === "note" || v.kind === "invalid" || v.kind === "error" || v.kind === "date"
  );
}

/**
 * The year's achievement rate (1 = 100%) of `actual` against `target` in the KPI's direction. A rate
 * comes only from numbers in comparable units, or from two categories; never from a note, a date,
 * text in place of a number, or figures in units that cannot be compared.
 */
export function achievementRate(
  direction: Direction | null,
  actual: ParsedValue,
  target: ParsedValue,
): AchievementResult {
  if (unusable(actual)) return { rate: null, reason: { code: "actual-unusable", kind: actual.kind } };
  if (unusable(target)) return { rate: null, reason: { code: "target-unusable", kind: target.kind } };
  if (actual.kind === "category") {
    if (target.kind !== "category") {
      // Text in place of a number (集計中, 未確定) is a note, whatever it looks like.
      return { rate: null, reason: { code: "actual-unusable", kind: "note" } };
    }
    return { rate: actual.category === target.category ? 1 : 0, reason: null };
  }
  if (target.kind === "category") {
    return { rate: null, reason: { code: "category-target", target: target.category ?? target.raw } };
  }
  if (actual.kind === "parts" && target.kind === "parts") {
    for (const part of target.parts) {
      const mine = actual.parts.find((p) => p.label === part.label);
      if (!mine) return { rate: null, reason: { code: "part-missing", label: part.label } };
      if (!unitsComparable(mine, part)) {
        return {
          rate: null,
          reason: {
            code: "unit-incomparable",
            actualUnit: mine.unit,
            targetUnit: part.unit,
            label: part.label,
          },
        };
      }
    }
    if (direction === null) return { rate: null, reason: { code: "no-direction" } };
    let lowest: number | null = null;
    for (const part of target.parts) {
      const mine = actual.parts.find((p) => p.label === part.label);
      const r = mine ? rateOf(direction, mine.number, part.number) : null;
      if (r !== null && (lowest === null || r < lowest)) lowest = r;
    }
    return lowest === null ? SHAPE : { rate: lowest, reason: null };
  }
  if (
    actual.kind === "number" &&
    target.kind === "number" &&
    actual.number !== null &&
    target.number !== null
  ) {
    if (!unitsComparable(actual, target)) {
      return {
        rate: null,
        reason: {
          code: "unit-incomparable",
          actualUnit: writtenUnit(actual.unit, actual.scale) || null,
          targetUnit: writtenUnit(target.unit, target.scale) || null,
        },
      };
    }
    if (direction === null) return { rate: null, reason: { code: "no-direction" } };
    const r = rateOf(direction, actual.number, target.number);
    return r === null ? SHAPE : { rate: r, reason: null };
  }
  return SHAPE;
}
