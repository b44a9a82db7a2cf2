// A bare number takes the unit the row's target is written in, when that is unambiguous:
// "8800" in a row whose target is "12,572億円" means 8,800億円, not 8,800円.
import type { ParsedValue, ValueField } from "../model";
import { scaleNumber } from "./decimal";
import { sameUnit } from "./units";

type RowValues = Record<ValueField, ParsedValue>;

const BORROWERS = ["actual", "previous", "baseline", "finalTarget"] as const;

/** Within a factor of 10 of the reference: what a figure in the same unit looks like. */
function near(n: number, reference: number): boolean {
  if (reference === 0 || n === 0) return false;
  const ratio = Math.abs(n / reference);
  return ratio <= 10 && ratio >= 0.1;
}

interface RowUnit {
  /** null when the target is written with a multiplier alone ("12,572億"). */
  unit: string | null;
  scale: number;
  target: number;
}

/**
 * The target's unit and multiplier, when the row agrees on one: every other single figure written
 * with a unit uses the same unit and multiplier. null when the target has none, or the row is mixed.
 */
function rowUnit(values: RowValues): RowUnit | null {
  const t = values.target;
  if (t.kind !== "number" || t.number === null || (t.unit === null && t.scale === 0)) return null;
  for (const f of BORROWERS) {
    const v = values[f];
    if (v.kind !== "number" || (v.unit === null && v.scale === 0)) continue;
    if (v.scale !== t.scale || (v.unit !== null && t.unit !== null && !sameUnit(v.unit, t.unit))) return null;
  }
  return { unit: t.unit, scale: t.scale, target: t.number };
}

/** One bare figure given the row's unit, or null when it stays as it is. */
function borrow(v: ParsedValue, row: RowUnit): ParsedValue | null {
  if (v.kind !== "number" || v.unit !== null || v.number === null) return null;
  // Written with a multiplier but no unit ("8,800億"): the multiplier is already applied.
  if (v.scale > 0) return row.unit === null ? null : { ...v, unit: row.unit, unitAssumed: "target" };
  // 0.805 beside 80.5%: a fraction or a tiny percent? Too ambiguous to assume.
  if (row.unit === "%" && Math.abs(v.number) <= 1 && Math.abs(row.target) > 1) return null;
  let scale = row.scale;
  if (scale > 0) {
    // 8800 beside 12,572億円 is 8,800億円; 880,000,000,000 beside it is already in 円.
    const scaled = scaleNumber(v.number, scale);
    if (!near(scaled, row.target) && near(v.number, row.target)) scale = 0;
  }
  const number = scaleNumber(v.number, scale);
  if (!Number.isFinite(number)) return null;
  return { ...v, number, unit: row.unit, scale, unitAssumed: "target" };
}

/**
 * A number with a bracketed note ("1,426人（人口動態統計）") reads as a category only beside a category
 * target ("366日 (閏年)"); beside a numeric target its number counts and the note is its remark.
 */
export function numbersBesideNumericTarget(values: RowValues): RowValues {
  const t = values.target.kind;
  if (t !== "number" && t !== "parts") return values;
  let out: RowValues | null = null;
  for (const f of BORROWERS) {
    const v = values[f];
    if (v.kind === "category" && v.number !== null) {
      (out ??= { ...values })[f] = { ...v, kind: "number", category: null };
    }
  }
  return out ?? values;
}

/**
 * The row's values with bare figures given the target's unit where the row agrees on it. Values that
 * change are copied; the rest are returned as they are.
 */
export function assumeUnitsFromTarget(values: RowValues): RowValues {
  let needed = false;
  for (const f of BORROWERS) {
    const v = values[f];
    if (v.kind === "number" && v.unit === null) needed = true;
  }
  if (!needed) return values;
  const unit = rowUnit(values);
  if (!unit) return values;
  let out: RowValues | null = null;
  for (const f of BORROWERS) {
    const given = borrow(values[f], unit);
    if (given) (out ??= { ...values })[f] = given;
  }
  return out ?? values;
}
