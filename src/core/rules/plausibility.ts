// Slips a reader spots at once: a negative count, or a figure ten times off everything around it.
import type { FindingParams, ParsedValue, VerificationRow } from "../model";
import { looksLikeRecentSerial, serialToDateText } from "../values/dates";
import { normalizeValueText } from "../values/normalize";
import { unitsComparable } from "../values/units";

/** More than this factor away from both last year's actual and the target: a unit or digit slip. */
export const SLIP_FACTOR = 10;

function numbersOf(v: ParsedValue): number[] {
  if (v.kind === "number" && v.number !== null) return [v.number];
  if (v.kind === "parts") return v.parts.map((p) => p.number);
  return [];
}

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
  const mine = numbersOf(actual);
  if (mine.length === 0) return null;
  const others = [baseline, previous, target].flatMap(numbersOf);
  if (mine.some((n) => n < 0) && others.length > 0 && others.every((n) => n >= 0)) {
    return { slip: "negative", raw: shown(actual) };
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
