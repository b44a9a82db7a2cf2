import type { Direction, NoStatusReason, ParsedValue } from "../model";

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

function missing(v: ParsedValue): boolean {
  return v.kind === "blank" || v.kind === "note" || v.kind === "invalid" || v.kind === "error";
}

/** The year's achievement rate (1 = 100%) of `actual` against `target` in the KPI's direction. */
export function achievementRate(
  direction: Direction | null,
  actual: ParsedValue,
  target: ParsedValue,
): AchievementResult {
  if (missing(actual)) return { rate: null, reason: { code: "actual-unusable", kind: actual.kind } };
  if (missing(target)) return { rate: null, reason: { code: "target-unusable", kind: target.kind } };
  if (actual.kind === "category" || target.kind === "category") {
    const same =
      actual.kind === "category" && target.kind === "category" && actual.category === target.category;
    return { rate: same ? 1 : 0, reason: null };
  }
  if (direction === null) return { rate: null, reason: { code: "no-direction" } };
  if (actual.kind === "parts" && target.kind === "parts") {
    let lowest: number | null = null;
    for (const part of target.parts) {
      const mine = actual.parts.find((p) => p.label === part.label);
      if (!mine) return { rate: null, reason: { code: "part-missing", label: part.label } };
      const r = rateOf(direction, mine.number, part.number);
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
    const r = rateOf(direction, actual.number, target.number);
    return r === null ? SHAPE : { rate: r, reason: null };
  }
  return SHAPE;
}
