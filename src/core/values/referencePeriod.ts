// Reference periods written after a value: (令和3年), (令和3年度), (H30年度), (令和元年度), (2021年度).
import type { ReferencePeriod } from "../model";
import { memoByString } from "../memo";
import { normalizeValueText } from "./normalize";

const ERA_OFFSET = { 令和: 2018, 平成: 1988 } as const;
const ERA_LETTER: Record<string, keyof typeof ERA_OFFSET> = { R: "令和", H: "平成" };

/**
 * The period for a Gregorian year. The era is canonical for the year, so 平成31年度 and 令和元年度
 * (both FY2019) get the same era, year and label. null before 平成 (1989).
 */
export function makeReferencePeriod(year: number, fiscal: boolean): ReferencePeriod | null {
  if (!Number.isInteger(year) || year < 1989 || year > 2200) return null;
  const era = year > ERA_OFFSET.令和 ? "令和" : "平成";
  const eraYear = year - ERA_OFFSET[era];
  const label = `${era}${eraYear === 1 ? "元" : eraYear}年${fiscal ? "度" : ""}`;
  return { era, eraYear, year, fiscal, label };
}

/**
 * Parses a period with or without its enclosing parentheses. Accepts 令和/平成, R/H (any case),
 * 元年, full-width forms, inner spaces, and a four-digit Gregorian year. null when it is not one.
 */
export const parseReferencePeriod = memoByString(readReferencePeriod);

function readReferencePeriod(text: string): ReferencePeriod | null {
  let t = normalizeValueText(text).replace(/\s+/g, "");
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) t = paren[1];
  const era = /^(令和|平成|[RH])(元|\d{1,3})年(度)?$/i.exec(t);
  if (era) {
    const name = ERA_LETTER[era[1].toUpperCase()] ?? (era[1] as keyof typeof ERA_OFFSET);
    const eraYear = era[2] === "元" ? 1 : Number(era[2]);
    if (eraYear < 1) return null;
    return makeReferencePeriod(ERA_OFFSET[name] + eraYear, era[3] !== undefined);
  }
  const western = /^(\d{4})年(度)?$/.exec(t);
  if (western) return makeReferencePeriod(Number(western[1]), western[2] !== undefined);
  return null;
}

/** Same period: same Gregorian year and both fiscal or both calendar. null equals only null. */
export function samePeriod(a: ReferencePeriod | null, b: ReferencePeriod | null): boolean {
  if (a === null || b === null) return a === b;
  return a.year === b.year && a.fiscal === b.fiscal;
}
