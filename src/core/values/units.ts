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
const NOT_IN_UNIT = /[\d\s、。，,.「」『』()[\]【】〔〕※;:!?<>=~〜+-]/;
/**
 * Words that make a suffix a note or a qualifier, never a unit: "8月公表予定" is a note, and
 * "100人以上" is 100人 with a bound (qualifiers are peeled off before the unit is read).
 */
const NOT_A_UNIT_WORD =
  /予定|公表|集計|確定|速報|暫定|調査|見込|推計|推定|以上|以下|未満|程度|前後|現在|時点|累計|超/;
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
  if (/^(?:カ|ヵ|ヶ|ケ|か|箇)月$/.test(u)) return "か月";
  if (/^(?:ha|ヘクタール)$/i.test(u)) return "ha";
  if (u === "パーセント") return "%";
  return u;
}

/** Units that name the same thing although spelled differently (名 counts people like 人). */
const SYNONYMS: Readonly<Record<string, string>> = { 名: "人" };

/** The key two units are compared by. */
export function unitKey(unit: string): string {
  const u = normalizeUnit(unit);
  return SYNONYMS[u] ?? u;
}

/** Whether two units are the same once normalised; null (no unit) equals only null. */
export function sameUnit(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return a === b || unitKey(a) === unitKey(b);
}

/** A unit with the multiplier staff wrote before it ("億円", "万人", "%"). */
export function writtenUnit(unit: string | null, scale: number): string {
  const multiplier = MULTIPLIERS.find(([, p]) => p === scale)?.[0] ?? "";
  return `${multiplier}${unit ?? ""}`;
}

/**
 * Whether two figures can be compared: the same unit, or one written with a multiplier and no unit
 * ("8,800億" against "12,572億円": 万 and 億 are compared in the base unit whatever follows them).
 * A bare number (no unit, no multiplier) compares only with another bare number.
 */
export function unitsComparable(
  a: { unit: string | null; scale?: number },
  b: { unit: string | null; scale?: number },
): boolean {
  const bareA = a.unit === null && !a.scale;
  const bareB = b.unit === null && !b.scale;
  if (bareA || bareB) return bareA === bareB;
  return a.unit === null || b.unit === null || sameUnit(a.unit, b.unit);
}

/** Reads the suffix after a number as multiplier + unit; null when it cannot be a unit. */
export const parseUnitSuffix = memoByString(readUnitSuffix);

function readUnitSuffix(suffix: string): UnitSuffix | null {
  const s = normalizeValueText(suffix);
  if (s.length > MAX_UNIT_LENGTH || NOT_IN_UNIT.test(s) || NOT_A_UNIT_WORD.test(s)) return null;
  for (const [prefix, pow10] of MULTIPLIERS) {
    if (s.startsWith(prefix)) {
      const rest = s.slice(prefix.length);
      return { pow10, unit: rest === "" ? null : normalizeUnit(rest) };
    }
  }
  return { pow10: 0, unit: s === "" ? null : normalizeUnit(s) };
}
