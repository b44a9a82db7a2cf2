// The trend against last year the board reads beside each KPI: better, the same or worse, in the
// KPI's direction, comparing the year's actual with last year's.
import type { CheckedRow, Direction, ParsedValue } from "../model";
import { TOLERANCE } from "../progress/achievement";
import { sameUnit } from "../values/units";

export type Trend = "improved" | "unchanged" | "worsened" | "mixed";

const near = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));

/** -1 worse, 0 the same, 1 better: one number against last year's in the KPI's direction. */
function compare(direction: Direction, now: number, before: number, target: number | null): -1 | 0 | 1 {
  if (near(now, before)) return 0;
  if (direction === "maintain" && target !== null) {
    // Meeting the target is what counts: both years meeting it is no change.
    const met = (n: number) => n >= target - TOLERANCE * Math.max(1, Math.abs(target));
    if (met(now) && met(before)) return 0;
    if (met(now) !== met(before)) return met(now) ? 1 : -1;
  }
  const up = now > before;
  return direction === "decrease" ? (up ? -1 : 1) : up ? 1 : -1;
}

function combine(signs: Array<-1 | 0 | 1>): Trend | null {
  if (signs.length === 0) return null;
  const better = signs.includes(1);
  const worse = signs.includes(-1);
  if (better && worse) return "mixed";
  return better ? "improved" : worse ? "worsened" : "unchanged";
}

function numbersAgree(a: ParsedValue, b: ParsedValue): boolean {
  return a.unit === null || b.unit === null || sameUnit(a.unit, b.unit);
}

/** The trend of a row's actual against last year's; null when the two cannot be compared. */
export function trendOf(row: Pick<CheckedRow, "direction" | "values">): Trend | null {
  const { actual, previous, target } = row.values;
  const direction = row.direction;
  if (actual.kind === "category" && previous.kind === "category") {
    if (actual.category === previous.category) return "unchanged";
    if (target.kind !== "category") return null;
    if (actual.category === target.category) return "improved";
    return previous.category === target.category ? "worsened" : null;
  }
  if (direction === null) return null;
  if (
    actual.kind === "number" &&
    previous.kind === "number" &&
    actual.number !== null &&
    previous.number !== null
  ) {
    if (!numbersAgree(actual, previous)) return null;
    const t = target.kind === "number" ? target.number : null;
    return combine([compare(direction, actual.number, previous.number, t)]);
  }
  if (actual.kind === "parts" && previous.kind === "parts") {
    const signs: Array<-1 | 0 | 1> = [];
    for (const part of actual.parts) {
      const before = previous.parts.find((p) => p.label === part.label);
      if (!before || !sameUnit(part.unit, before.unit)) return null;
      const t =
        target.kind === "parts" ? (target.parts.find((p) => p.label === part.label)?.number ?? null) : null;
      signs.push(compare(direction, part.number, before.number, t));
    }
    return combine(signs);
  }
  return null;
}
