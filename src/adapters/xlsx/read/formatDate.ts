// Excel's date and time formats, enough to show staff what Excel shows: 2024/3/31, 8月8日,
// 令和6年3月31日, 13:05. Serial numbers count days from 1899-12-30 (or 1904-01-01), keeping
// Excel's phantom 1900-02-29 (serial 60) so that every later date comes out right.

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const DAYS_JA = ["日", "月", "火", "水", "木", "金", "土"];

interface Era {
  start: number; // yyyymmdd of the era's first day
  year: number; // Gregorian year of the era's first year
  letter: string;
  short: string;
  name: string;
}
const ERAS: Era[] = [
  { start: 20190501, year: 2019, letter: "R", short: "令", name: "令和" },
  { start: 19890108, year: 1989, letter: "H", short: "平", name: "平成" },
  { start: 19261225, year: 1926, letter: "S", short: "昭", name: "昭和" },
  { start: 19120730, year: 1912, letter: "T", short: "大", name: "大正" },
  { start: 18680101, year: 1868, letter: "M", short: "明", name: "明治" },
];

interface Parts {
  y: number;
  m: number;
  d: number;
  weekday: number;
  hh: number;
  mi: number;
  ss: number;
  /** Fraction of a second, for "ss.0". */
  frac: number;
}

/** Calendar parts of a serial date. */
function partsOf(serial: number, date1904: boolean): Parts {
  let days = Math.floor(serial);
  let secs = Math.round((serial - days) * 86400 * 1000) / 1000;
  if (secs >= 86400) {
    days += 1;
    secs -= 86400;
  }
  let y: number;
  let m: number;
  let d: number;
  if (!date1904 && days === 60) {
    [y, m, d] = [1900, 2, 29];
  } else if (!date1904 && days === 0) {
    [y, m, d] = [1900, 1, 0];
  } else {
    const offset = date1904 ? 24107 : days < 60 ? 25568 : 25569; // days from the epoch to 1970-01-01
    const dt = new Date((days - offset) * 86400000);
    [y, m, d] = [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
  }
  const weekday = date1904 ? (days + 5) % 7 : days < 60 ? (days + 6) % 7 : (days + 6) % 7;
  const whole = Math.floor(secs);
  return {
    y,
    m,
    d,
    weekday: ((weekday % 7) + 7) % 7,
    hh: Math.floor(whole / 3600),
    mi: Math.floor((whole % 3600) / 60),
    ss: whole % 60,
    frac: secs - whole,
  };
}

const pad = (n: number, w: number): string => String(n).padStart(w, "0");

function eraOf(p: Parts): { era: Era; year: number } | null {
  const key = p.y * 10000 + p.m * 100 + p.d;
  const era = ERAS.find((e) => key >= e.start);
  return era ? { era, year: p.y - era.year + 1 } : null;
}

type Token = { kind: "lit"; text: string } | { kind: "code"; text: string };

/** Splits a date section into codes and literal text. */
function tokenize(code: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end;
      out.push({ kind: "lit", text: code.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      out.push({ kind: "lit", text: code[i + 1] ?? "" });
      i++;
    } else if (ch === "_") {
      out.push({ kind: "lit", text: " " });
      i++;
    } else if (ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = code.indexOf("]", i + 1);
      const inner = code.slice(i + 1, end < 0 ? code.length : end);
      if (/^(h+|m+|s+)$/i.test(inner)) out.push({ kind: "code", text: `[${inner.toLowerCase()}]` });
      else if (inner.startsWith("$")) {
        const lit = inner.slice(1).split("-")[0];
        if (lit) out.push({ kind: "lit", text: lit });
      }
      i = end < 0 ? code.length : end;
    } else if (/^(AM\/PM|A\/P)/i.test(code.slice(i))) {
      const m = /^(AM\/PM|A\/P)/i.exec(code.slice(i))![0];
      out.push({ kind: "code", text: m.toUpperCase() });
      i += m.length - 1;
    } else if (/[yYmMdDhHsSgGeEaA]/.test(ch)) {
      let j = i;
      const lower = ch.toLowerCase();
      while (j < code.length && code[j].toLowerCase() === lower) j++;
      out.push({ kind: "code", text: code.slice(i, j).toLowerCase() });
      i = j - 1;
    } else if (ch === "." && /^\.0+/.test(code.slice(i)) && out.length > 0) {
      const m = /^\.0+/.exec(code.slice(i))![0];
      out.push({ kind: "code", text: m });
      i += m.length - 1;
    } else {
      out.push({ kind: "lit", text: ch });
    }
  }
  return out;
}

/** Whether a format section is a date or time format (has date codes outside quotes). */
export function isDateSection(code: string): boolean {
  const tokens = tokenize(code);
  if (tokens.some((t) => t.kind === "code" && /^(y+|m+|d+|h+|s+|\[[hms]+\])$/.test(t.text))) return true;
  // Era and weekday codes alone (ggge"年", aaa) are dates too, unless digits make it a number format.
  const digits = tokens.some((t) => t.kind === "lit" && t.text.length === 1 && /[0#?]/.test(t.text));
  return !digits && tokens.some((t) => t.kind === "code" && /^(g+|e+|a{3,})$/.test(t.text));
}

/** The text Excel shows for a serial date under a date/time format section. */
export function formatDateSection(serial: number, code: string, date1904 = false): string {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2958465) return "#".repeat(8);
  const tokens = tokenize(code);
  const p = partsOf(serial, date1904);
  const ampm = tokens.some((t) => t.kind === "code" && (t.text === "AM/PM" || t.text === "A/P"));
  // "m" means minutes right after an hour code or right before a seconds code.
  const codes = tokens.map((t, i) => ({ t, i })).filter((x) => x.t.kind === "code");
  const minuteAt = new Set<number>();
  codes.forEach((x, k) => {
    if (!/^m{1,2}$/.test(x.t.text)) return;
    const prev = codes[k - 1]?.t.text ?? "";
    const next = codes[k + 1]?.t.text ?? "";
    if (/^h+$|^\[h+\]$/.test(prev) || /^s+$/.test(next)) minuteAt.add(x.i);
  });
  const era = eraOf(p);
  let out = "";
  tokens.forEach((t, i) => {
    if (t.kind === "lit") {
      out += t.text;
      return;
    }
    const c = t.text;
    if (minuteAt.has(i)) out += c.length === 1 ? String(p.mi) : pad(p.mi, 2);
    else if (/^y+$/.test(c)) out += c.length <= 2 ? pad(p.y % 100, 2) : String(p.y);
    else if (c === "m") out += String(p.m);
    else if (c === "mm") out += pad(p.m, 2);
    else if (c === "mmm") out += MONTHS[p.m - 1]?.slice(0, 3) ?? "";
    else if (c === "mmmmm") out += MONTHS[p.m - 1]?.[0] ?? "";
    else if (/^m{4,}$/.test(c)) out += MONTHS[p.m - 1] ?? "";
    else if (c === "d") out += String(p.d);
    else if (c === "dd") out += pad(p.d, 2);
    else if (c === "ddd") out += DAYS[p.weekday].slice(0, 3);
    else if (/^d{4,}$/.test(c)) out += DAYS[p.weekday];
    else if (c === "aaa") out += DAYS_JA[p.weekday];
    else if (/^a{4,}$/.test(c)) out += `${DAYS_JA[p.weekday]}曜日`;
    else if (/^h+$/.test(c)) {
      const h = ampm ? ((p.hh + 11) % 12) + 1 : p.hh;
      out += c.length === 1 ? String(h) : pad(h, 2);
    } else if (/^s+$/.test(c)) out += c.length === 1 ? String(p.ss) : pad(p.ss, 2);
    else if (/^\.0+$/.test(c)) out += p.frac.toFixed(c.length - 1).slice(1);
    else if (c === "[h]" || c === "[hh]") out += String(Math.floor(serial * 24));
    else if (c === "[m]" || c === "[mm]") out += String(Math.floor(serial * 1440));
    else if (c === "[s]" || c === "[ss]") out += String(Math.floor(serial * 86400));
    else if (c === "AM/PM") out += p.hh < 12 ? "AM" : "PM";
    else if (c === "A/P") out += p.hh < 12 ? "A" : "P";
    else if (c === "g") out += era?.era.letter ?? "";
    else if (c === "gg") out += era?.era.short ?? "";
    else if (/^g{3,}$/.test(c)) out += era?.era.name ?? "";
    else if (c === "e") out += String(era?.year ?? p.y);
    else if (/^e{2,}$/.test(c)) out += pad(era?.year ?? p.y, 2);
    else out += c;
  });
  return out;
}
