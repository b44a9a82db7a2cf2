// Exact decimal scaling. 490.7 * 1e4 and 0.805 * 100 can pick up binary rounding error, while
// Number("490.7e4") is correctly rounded, so scale by shifting the exponent of the decimal text.

/** Reads ASCII decimal text ("1,563", "-490.7", "1e+21") multiplied by 10^pow10. NaN if unreadable. */
const PLAIN_DECIMAL = /^[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)$/;

/** Digits an integer may have and still be read exactly by accumulation (2^53 has 16). */
const EXACT_DIGITS = 15;

/**
 * "1,563" and "65" read digit by digit: exact for up to 15 digits, and no copy without the commas.
 * NaN when the text is not plain digits and commas (the caller then takes the general path).
 */
function plainInteger(text: string): number {
  let n = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
    } else if (c !== 44 || i === 0) return NaN;
  }
  return digits === 0 || digits > EXACT_DIGITS ? NaN : n;
}

export function decimalTextToNumber(text: string, pow10 = 0): number {
  // Integers (most figures) without a multiplier: no regex, no string built.
  if (pow10 === 0) {
    const n = plainInteger(text);
    if (!Number.isNaN(n)) return n;
  }
  // Fast path for the usual "1,563" / "80.5": no exponent to merge, so one Number() call.
  if (PLAIN_DECIMAL.test(text)) {
    const mantissa = text.includes(",") ? text.replace(/,/g, "") : text;
    return Number(pow10 === 0 ? mantissa : `${mantissa}e${pow10}`);
  }
  const m = /^([+-]?)(\d[\d,]*(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!m) return NaN;
  const mantissa = m[2].replace(/,/g, "");
  const exponent = (m[3] ? Number(m[3]) : 0) + pow10;
  return Number(`${m[1]}${mantissa}e${exponent}`);
}

/** n * 10^pow10 without binary rounding error beyond the final rounding. */
export function scaleNumber(n: number, pow10: number): number {
  if (pow10 === 0 || !Number.isFinite(n)) return n;
  return decimalTextToNumber(String(n), pow10);
}
