// Units and their multipliers: the text after a number ("万人", "億円", "%", "カ所").
import { memoByString } from "../memo";
import { normalizeValueText } from "./normalize";

/** Longest first, so that 百万 is not read as 百 + 万. */
const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ["百万", 6],
  ["千万", 7],
  ["兆", 12],
  ["億", 8],
  ["万", 4],
  ["千", 3],
];

/**
 * Characters a unit never holds. A suffix with any of them is not a unit, which keeps sentences,
 * parenthesised qualifiers and misread numbers ("12..5%", "1,5O0件") out of the number grammar.
 */
const NOT_IN_UNIT = /[\d\s、。，,.「」『』()[\]【】※;:!?<>=~〜+-]/;
const MAX_UNIT_LENGTH = 10;

export interface UnitSuffix {
  /** Power of ten of the multiplier: 4 for 万, 8 for 億, 0 when none. */
  pow10: number;
  /** The base unit, normalised; null when the suffix is a bare multiplier or empty. */
  unit: string | null;
}

/** Canonical spelling of a unit: カ所 for its variants (and the PDF misreading 力所), ha, %. */
export function normalizeUnit(unit: string): string {
  const u = normalizeValueText(unit).replace(/\s+/g, "");
  if (/^(?:力|カ|ヵ|ヶ|ケ|か|箇|個)所$/.test(u)) return "カ所";
  if (/^(?:ha|ヘクタール)$/i.test(u)) return "ha";
  if (u === "パーセント") return "%";
  return u;
}

/** Whether two units are the same once normalised; null (no unit) equals only null. */
export function sameUnit(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return normalizeUnit(a) === normalizeUnit(b);
}

/** Reads the suffix after a number as multiplier + unit; null when it cannot be a unit. */
export const parseUnitSuffix = memoByString(readUnitSuffix);

function readUnitSuffix(suffix: string): UnitSuffix | null {
  const s = normalizeValueText(suffix);
  if (s.length > MAX_UNIT_LENGTH || NOT_IN_UNIT.test(s)) return null;
  for (const [prefix, pow10] of MULTIPLIERS) {
    if (s.startsWith(prefix)) {
      const rest = s.slice(prefix.length);
      return { pow10, unit: rest === "" ? null : normalizeUnit(rest) };
    }
  }
  return { pow10: 0, unit: s === "" ? null : normalizeUnit(s) };
}
