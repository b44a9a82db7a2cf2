// Moving the fiscal year on in labels as staff wrote them: 令和5年度 → 令和6年度, ６ stays
// full-width, R5 → R6, 令和元年度 → 令和2年度, 2023年度 → 2024年度, FY2023 → FY2024. Only the years
// asked for move (this year and the previous one), so 基準値 (令和元年度) and 目標値 (令和9年度) stay.

const ERA = /(令和|Ｒ|R|令)(\s*)(元|[0-9０-９]{1,2})(?![0-9０-９])/g;
const GREGORIAN = /(FY|ＦＹ)?(\s*)([0-9０-９]{4})(?![0-9０-９])(\s*年度)?/g;

const toAscii = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
const toFull = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

function writeLike(original: string, n: number): string {
  const s = String(n);
  return /[０-９]/.test(original) ? toFull(s) : s;
}

/** The text with every year in `years` (Gregorian fiscal years) moved on by `by`. */
export function advanceYears(text: string, years: ReadonlySet<number>, by: number): string {
  let out = text.replace(ERA, (m, era: string, sp: string, y: string, offset: number, whole: string) => {
    // R and Ｒ only as a year (R5, Ｒ６年度), not inside a word.
    if ((era === "R" || era === "Ｒ") && offset > 0 && /[A-Za-zＡ-Ｚａ-ｚ]/.test(whole[offset - 1])) return m;
    const n = y === "元" ? 1 : Number(toAscii(y));
    const year = 2018 + n;
    if (!years.has(year)) return m;
    return `${era}${sp}${writeLike(y === "元" ? "1" : y, n + by)}`;
  });
  out = out.replace(
    GREGORIAN,
    (m, fy: string | undefined, sp: string, y: string, nendo: string | undefined) => {
      if (!fy && !nendo) return m;
      const year = Number(toAscii(y));
      if (!years.has(year)) return m;
      return `${fy ?? ""}${sp}${writeLike(y, year + by)}${nendo ?? ""}`;
    },
  );
  return out;
}

/** "令和6年度" for 2024, "令和元年度" for 2019. */
export function fiscalYearName(year: number): string {
  return year === 2019 ? "令和元年度" : `令和${year - 2018}年度`;
}

/** 2024 for "令和6年度", "R6", "令和６年度", "2024年度", "FY2024"; null when it names no year. */
export function parseFiscalYear(text: string): number | null {
  const t = toAscii(text.normalize("NFKC")).replace(/\s+/g, "");
  let m = /^(?:令和|R|令)(元|\d{1,2})(?:年度?)?$/i.exec(t);
  if (m) return 2018 + (m[1] === "元" ? 1 : Number(m[1]));
  m = /^(?:FY)?(\d{4})(?:年度)?$/i.exec(t);
  return m ? Number(m[1]) : null;
}
