// Reference periods written with a value: (令和3年), (令和3年度), (H30年度), (令和元年度), (2021年度),
// (R5), (FY2023), (令和5年度末), and points in time such as (令和5年3月末現在) or (R5.3.31).
import type { ReferencePeriod } from "../model";
import { memoByString } from "../memo";
import { normalizeValueText } from "./normalize";

const ERA_OFFSET = { 令和: 2018, 平成: 1988 } as const;
type Era = keyof typeof ERA_OFFSET;
const ERA_NAME: Record<string, Era> = {
  R: "令和",
  令: "令和",
  令和: "令和",
  H: "平成",
  平: "平成",
  平成: "平成",
};

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
 * A point in time (令和5年3月末, 2023年3月31日): it belongs to its calendar year, and its label keeps
 * the month (and day, or 末) so that messages show what staff wrote.
 */
function makePoint(year: number, month: number, day: string): ReferencePeriod | null {
  if (month < 1 || month > 12) return null;
  if (day !== "" && day !== "末" && (Number(day) < 1 || Number(day) > 31)) return null;
  const p = makeReferencePeriod(year, false);
  if (!p) return null;
  const dayText = day === "" ? "" : day === "末" ? "末" : `${Number(day)}日`;
  return { ...p, label: `${p.label}${month}月${dayText}` };
}

function withSuffix(p: ReferencePeriod | null, suffix: string | undefined): ReferencePeriod | null {
  return p && suffix ? { ...p, label: p.label + suffix } : p;
}

const ERA = "(令和|平成|令|平|[RH])(元|\\d{1,3})";
const ERA_YEAR = new RegExp(`^${ERA}年(度)?(末|当初)?$`, "i");
const ERA_MONTH = new RegExp(`^${ERA}年(\\d{1,2})月(?:(\\d{1,2})日|(末))?$`, "i");
const ERA_DOTS = new RegExp(`^${ERA}\\.(\\d{1,2})(?:\\.(\\d{1,2}))?$`, "i");
/** R5, H30: the letter forms written without 年 stand for the fiscal year, as in the sheet's headers. */
const ERA_LETTER_ONLY = /^([RH])(元|\d{1,3})$/i;
const WESTERN_YEAR = /^(\d{4})年(度)?(末|当初)?$/;
const WESTERN_MONTH = /^(\d{4})(?:年(\d{1,2})月(?:(\d{1,2})日|(末))?|\/(\d{1,2})(?:\/(\d{1,2}))?)$/;
const FISCAL_YEAR = /^FY(\d{4})$/i;

function eraYear(eraText: string, yearText: string): number | null {
  const era = ERA_NAME[eraText.length === 1 ? eraText.toUpperCase() : eraText] ?? ERA_NAME[eraText];
  if (!era) return null;
  const n = yearText === "元" ? 1 : Number(yearText);
  return n < 1 ? null : ERA_OFFSET[era] + n;
}

/**
 * Parses a period with or without its enclosing parentheses. Accepts 令和/平成, R/H (any case), 令/平,
 * 元年, full-width forms, inner spaces, a four-digit Gregorian year, FY2023, 末/当初, and 現在/時点
 * after a point in time. null when it is not one.
 */
export const parseReferencePeriod = memoByString(readReferencePeriod);

function readReferencePeriod(text: string): ReferencePeriod | null {
  let t = normalizeValueText(text).replace(/\s+/g, "");
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) t = paren[1];
  t = t.replace(/(?:現在|時点)$/, "");
  if (t === "") return null;
  let m = ERA_YEAR.exec(t);
  if (m) {
    const year = eraYear(m[1], m[2]);
    return year === null ? null : withSuffix(makeReferencePeriod(year, m[3] !== undefined), m[4]);
  }
  m = ERA_MONTH.exec(t) ?? ERA_DOTS.exec(t);
  if (m) {
    const year = eraYear(m[1], m[2]);
    return year === null ? null : makePoint(year, Number(m[3]), m[4] ?? m[5] ?? "");
  }
  m = ERA_LETTER_ONLY.exec(t);
  if (m) {
    const year = eraYear(m[1], m[2]);
    return year === null ? null : makeReferencePeriod(year, true);
  }
  m = WESTERN_YEAR.exec(t);
  if (m) return withSuffix(makeReferencePeriod(Number(m[1]), m[2] !== undefined), m[3]);
  m = WESTERN_MONTH.exec(t);
  if (m) return makePoint(Number(m[1]), Number(m[2] ?? m[5]), m[3] ?? m[4] ?? m[6] ?? "");
  m = FISCAL_YEAR.exec(t);
  if (m) return makeReferencePeriod(Number(m[1]), true);
  return null;
}

/** Same period: same Gregorian year and both fiscal or both calendar. null equals only null. */
export function samePeriod(a: ReferencePeriod | null, b: ReferencePeriod | null): boolean {
  if (a === null || b === null) return a === b;
  return a.year === b.year && a.fiscal === b.fiscal;
}
