// Slips a reader spots at once: a negative count, or a figure ten times off everything around it.
import type { FindingParams, ParsedValue, VerificationRow } from "../model";
import { looksLikeRecentSerial, serialToDateText } from "../values/dates";
import { normalizeValueText } from "../values/normalize";
import { unitsComparable } from "../values/units";

/** More than this factor away from both last year's actual and the target: a unit or digit slip. */
export const SLIP_FACTOR = 10;

/** Whether a value holds a negative figure (single or any part), and whether it holds any figure. */
function signOf(v: ParsedValue): { figure: boolean; negative: boolean } {
  if (v.kind === "number" && v.number !== null) return v.number < 0 ? NEGATIVE : POSITIVE;
  if (v.kind === "parts" && v.parts.length > 0)
    return v.parts.some((p) => p.number < 0) ? NEGATIVE : POSITIVE;
  return NO_FIGURE;
}
const NEGATIVE = { figure: true, negative: true };
const POSITIVE = { figure: true, negative: false };
const NO_FIGURE = { figure: false, negative: false };

/** How many times apart two figures are (1 when equal); Infinity when one is zero and the other not. */
function factorApart(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x === 0 || y === 0) return x === y ? 1 : Infinity;
  return x > y ? x / y : y / x;
}

function shown(v: ParsedValue): string {
  return v.raw.trim();
}

/** The date a number would show if it were a date serial that lost its format ("2023/8/8"). */
function serialHint(actual: ParsedValue): string | undefined {
  const typed = Number(normalizeValueText(actual.raw).replace(/,/g, ""));
  return looksLikeRecentSerial(typed) ? serialToDateText(typed) : undefined;
}

/**
 * implausible-value's facts for a row, or null: a negative actual where the baseline, last year's
 * actual and the target are all zero or more (at least one of them a figure); or an actual more
 * than ten times off both last year's actual and the target, in comparable units.
 */
export function implausibleActual(row: VerificationRow): FindingParams | null {
  const { actual, previous, target, baseline } = row.values;
  const mine = signOf(actual);
  if (!mine.figure) return null;
  if (mine.negative) {
    const others = [signOf(baseline), signOf(previous), signOf(target)];
    if (others.some((o) => o.figure) && others.every((o) => !o.negative)) {
      return { slip: "negative", raw: shown(actual) };
    }
  }
  if (
    actual.kind === "number" &&
    previous.kind === "number" &&
    target.kind === "number" &&
    actual.number !== null &&
    previous.number !== null &&
    target.number !== null &&
    actual.number !== 0 &&
    unitsComparable(actual, previous) &&
    unitsComparable(actual, target) &&
    factorApart(actual.number, previous.number) > SLIP_FACTOR &&
    factorApart(actual.number, target.number) > SLIP_FACTOR
  ) {
    const params: FindingParams = {
      slip: "magnitude",
      raw: shown(actual),
      previous: shown(previous),
      expected: shown(target),
    };
    const date = serialHint(actual);
    if (date) params.dateSerial = date;
    return params;
  }
  return null;
}
