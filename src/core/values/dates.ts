// Dates in value cells. Excel turns what staff type (8/8, 1-2) into a date: a serial number under a
// date format. Older readers hand dates over as ISO text ("2023-08-08"). Either way no figure is left.

/** ISO date text, as a reader that converts dates writes them: 2023-08-08 or 2023-08-08T09:30:00. */
const ISO_DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Whether normalised text is an ISO date. */
export function isIsoDateText(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** An ISO date as staff would read it: "2023/8/8" (with the time when it is not midnight). */
export function isoDateForDisplay(text: string): string {
  const m = ISO_DATE.exec(text);
  if (!m) return text;
  const date = `${Number(m[1])}/${Number(m[2])}/${Number(m[3])}`;
  const time = m[4] !== undefined && !(Number(m[4]) === 0 && m[5] === "00") ? ` ${Number(m[4])}:${m[5]}` : "";
  return date + time;
}

/**
 * An Excel serial (1900 date system) as "2023/8/8", with the time when it has one. Excel counts the
 * non-existent 1900-02-29 as day 60, so serials after it are one day ahead of the calendar.
 */
export function serialToDateText(serial: number): string {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return String(serial);
  const whole = Math.floor(serial);
  const days = whole > 60 ? whole - 1 : whole;
  const ms = Date.UTC(1899, 11, 31) + days * 86_400_000;
  const d = new Date(ms);
  let text = `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
  const minutes = Math.round((serial - whole) * 1440);
  if (minutes > 0 && minutes < 1440)
    text += ` ${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
  return text;
}

/** Serials of the years a verification sheet's dates fall in (2000-01-01 … 2049-12-31). */
const RECENT_SERIALS = { from: 36526, to: 54789 } as const;

/** Whether a number could be a recent date's serial that lost its date format (45146 = 2023/8/8). */
export function looksLikeRecentSerial(n: number): boolean {
  return Number.isInteger(n) && n >= RECENT_SERIALS.from && n <= RECENT_SERIALS.to;
}
