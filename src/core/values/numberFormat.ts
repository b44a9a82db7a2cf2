// What an Excel number format says about a numeric value: percent scaling, thousands scaling, and the
// literal text around the number (the unit in `#,##0"件"`, `0.0"人"` or `#,##0人`).

export interface FormatInfo {
  /** Dates and times: the number is a serial, so the displayed text is what counts. */
  isDate: boolean;
  /** The text format "@". */
  isText: boolean;
  /** Number of % signs; each multiplies the displayed number by 100. */
  percent: number;
  /** Number of scaling commas after the last digit placeholder; each divides by 1000. */
  thousandsScale: number;
  /** Literal text before and after the number placeholders, concatenated. */
  prefix: string;
  suffix: string;
}

const DATE_CODES = /[ymdhsgbYMDHSGB]/;

/** Splits a format into its sections at ";" outside quotes, escapes and brackets. */
function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end + 1;
      current += format.slice(i, stop);
      i = stop - 1;
    } else if (c === "\\") {
      current += format.slice(i, i + 2);
      i++;
    } else if (c === "[") {
      const end = format.indexOf("]", i + 1);
      const stop = end < 0 ? format.length : end + 1;
      current += format.slice(i, stop);
      i = stop - 1;
    } else if (c === ";") {
      sections.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  sections.push(current);
  return sections;
}

/** Excel shows a positive number with section 1, a negative with 2, zero with 3 (when present). */
function pickSection(sections: string[], value: number): string {
  if (sections.some((s) => /\[[<>=]/.test(s))) return sections[0];
  if (value < 0 && sections.length > 1) return sections[1];
  if (value === 0 && sections.length > 2) return sections[2];
  return sections[0];
}

function analyzeSection(section: string): FormatInfo {
  const info: FormatInfo = {
    isDate: false,
    isText: false,
    percent: 0,
    thousandsScale: 0,
    prefix: "",
    suffix: "",
  };
  let seenDigit = false;
  let pendingCommas = 0;
  const literal = (text: string): void => {
    if (seenDigit) info.suffix += text;
    else info.prefix += text;
  };
  for (let i = 0; i < section.length; i++) {
    const c = section[i];
    const rest = section.slice(i);
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      literal(section.slice(i + 1, stop));
      i = stop;
    } else if (c === "\\") {
      literal(section.slice(i + 1, i + 2));
      i++;
    } else if (c === "_" || c === "*") {
      i++; // padding and fill characters carry no meaning
    } else if (c === "[") {
      const end = section.indexOf("]", i + 1);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      if (/^(?:h+|m+|s+)$/i.test(inner)) info.isDate = true; // elapsed time
      i = end < 0 ? section.length : end;
    } else if (/^general/i.test(rest) || rest.startsWith("G/標準")) {
      seenDigit = true;
      i += (rest.startsWith("G/標準") ? 4 : 7) - 1;
    } else if (c === "0" || c === "#" || c === "?" || (c === "." && (seenDigit || /^\.[0#?]/.test(rest)))) {
      seenDigit = true;
      pendingCommas = 0; // commas followed by more placeholders are grouping separators
    } else if (c === "," && seenDigit) {
      pendingCommas++;
    } else if (c === "%") {
      info.percent++;
    } else if (/^[eE][+-]/.test(rest)) {
      i++; // scientific notation
    } else if (c === "@") {
      info.isText = true;
    } else if (DATE_CODES.test(c) || /^(?:AM\/PM|A\/P)/i.test(rest) || c === "e") {
      info.isDate = true;
    } else {
      literal(c); // unquoted literal: 人 in `#,##0人`, spaces, parentheses
    }
    if (c !== "," && pendingCommas > 0 && !(c === "0" || c === "#" || c === "?")) {
      info.thousandsScale = pendingCommas;
    }
  }
  if (pendingCommas > 0) info.thousandsScale = pendingCommas;
  return info;
}

/** Analyses the section of `format` that Excel would use to display `value`. Never throws. */
export function analyzeNumberFormat(format: string, value: number): FormatInfo {
  return analyzeSection(pickSection(splitSections(typeof format === "string" ? format : ""), value));
}
