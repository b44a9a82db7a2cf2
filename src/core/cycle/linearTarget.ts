// The year's target on a straight path from the latest actual to the plan's final target:
// actual + (final − actual) / (years left). Only when both are plain numbers in the same unit.
import type { ParsedValue } from "../model";
import { sameUnit } from "../values";

export type LinearTarget =
  | { ok: true; number: number; text: string | null }
  | { ok: false; reason: "not-numbers" | "unit-differs" | "no-years-left" | "category" };

/** Decimal places a number is written with ("80.5%" → 1). */
function decimalsOf(raw: string): number {
  const m = /[.．]([0-9０-９]+)/.exec(raw);
  return m ? m[1].length : 0;
}

/** The written suffix after the number ("億円", "%", "人"), without any reference period. */
function suffixOf(raw: string): string {
  const m = /^[\s\u3000]*[0-9０-９,，.．]+(.*?)[\s\u3000]*(?:[(（].*)?$/.exec(raw);
  return m ? m[1].trim() : "";
}

function withCommas(n: number, decimals: number): string {
  const [i, d] = n.toFixed(decimals).split(".");
  return i.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (d ? `.${d}` : "");
}

/**
 * `actual` is this year's (year `from`), `final` the plan's final target (year `finalYear`); the
 * target for `from + 1`. `actualIsNumberCell` says the target cell holds numbers (then no text).
 */
export function linearTarget(
  actual: ParsedValue,
  final: ParsedValue,
  from: number,
  finalYear: number,
  targetIsNumberCell: boolean,
  targetCellNumber: number | null,
): LinearTarget {
  if (final.kind === "category" && actual.kind === "category") return { ok: false, reason: "category" };
  if (actual.kind !== "number" || final.kind !== "number" || actual.number === null || final.number === null)
    return { ok: false, reason: "not-numbers" };
  if (!sameUnit(actual.unit, final.unit)) return { ok: false, reason: "unit-differs" };
  const yearsLeft = finalYear - from;
  if (yearsLeft < 1) return { ok: false, reason: "no-years-left" };
  const next = actual.number + (final.number - actual.number) / yearsLeft;
  const decimals = Math.max(decimalsOf(actual.raw), decimalsOf(final.raw));
  if (targetIsNumberCell) {
    // The cell stores a number under a format: keep its scale (0.805 under 0.0%).
    const scale =
      targetCellNumber !== null && actual.unit === "%" && Math.abs(targetCellNumber) <= 1.5 ? 0.01 : 1;
    const n = Number((next * scale).toFixed(decimals + (scale === 1 ? 0 : 2)));
    return { ok: true, number: n, text: null };
  }
  const suffix = suffixOf(final.raw) || suffixOf(actual.raw);
  // Written with the final target's multiplier (万, 億): divide the base-unit number back.
  const mult = /^億/.test(suffix) ? 1e8 : /^万/.test(suffix) ? 1e4 : 1;
  const shown = next / mult;
  return { ok: true, number: next, text: `${withCommas(shown, decimals)}${suffix}` };
}
