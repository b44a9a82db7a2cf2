import type { Direction, DirectionSource, ParsedValue, ProgressRule } from "../model";
import { BUNDLED_MASTER, kpiNameKey, lookupEntry, type KpiMaster } from "../master/kpiMaster";

export interface ResolvedDirection {
  direction: Direction | null;
  source: DirectionSource | null;
}

/** A comparable magnitude for inference: a number, or the mean of a multi-part value's parts. */
function magnitude(v: ParsedValue): number | null {
  if (v.kind === "number") return v.number;
  if (v.kind === "parts" && v.parts.length > 0)
    return v.parts.reduce((s, p) => s + p.number, 0) / v.parts.length;
  return null;
}

/** Final target against baseline; the year's target stands in when the final one is a sentence. */
export function inferDirection(
  baseline: ParsedValue,
  finalTarget: ParsedValue,
  target: ParsedValue,
): Direction | null {
  if (baseline.kind === "category") {
    const goal = finalTarget.kind === "category" ? finalTarget : target;
    if (goal.kind === "category" && goal.category === baseline.category) return "maintain";
  }
  const base = magnitude(baseline);
  const goal = magnitude(finalTarget) ?? magnitude(target);
  if (base === null || goal === null) return null;
  if (Math.abs(goal - base) <= 1e-9 * Math.max(1, Math.abs(base))) return "maintain";
  return goal > base ? "increase" : "decrease";
}

/**
 * Planning's override first, then the strategy's KPI master (the entry in force in `fiscalYear`
 * when a revision re-used the name), then inference from the row itself.
 */
export function resolveDirection(
  name: string,
  rule: ProgressRule,
  values: { baseline: ParsedValue; finalTarget: ParsedValue; target: ParsedValue },
  master: KpiMaster = BUNDLED_MASTER,
  fiscalYear: number | null = null,
): ResolvedDirection {
  const key = kpiNameKey(name);
  for (const [overrideName, direction] of Object.entries(rule.directionOverrides)) {
    if (kpiNameKey(overrideName) === key) return { direction, source: "settings" };
  }
  const entry = lookupEntry(master, name, fiscalYear);
  if (entry?.direction) return { direction: entry.direction, source: "master" };
  const inferred = inferDirection(values.baseline, values.finalTarget, values.target);
  return inferred ? { direction: inferred, source: "inferred" } : { direction: null, source: null };
}
