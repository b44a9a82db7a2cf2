// Exact decimal scaling. 490.7 * 1e4 and 0.805 * 100 can pick up binary rounding error, while
// Number("490.7e4") is correctly rounded, so scale by shifting the exponent of the decimal text.

/** Reads ASCII decimal text ("1,563", "-490.7", "1e+21") multiplied by 10^pow10. NaN if unreadable. */
const PLAIN_DECIMAL = /^[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)$/;

/** Digits an integer may have and still be read exactly by accumulation (2^53 has 16). */
const EXACT_DIGITS = 15;

/** Powers of ten that doubles hold exactly (10^22 is the last). */
const EXACT_POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * "1,563", "65" and "1,634.02" read digit by digit, without a string built. With at most 15 digits
 * the digits form an exact integer, and one multiplication or division by an exact power of ten is
 * correctly rounded, so the result is exactly Number("1634.02e4") (Clinger's fast path).
 * NaN when the text is not plain digits, commas and one point, or falls outside that path.
 */
function plainDecimal(text: string, end: number, pow10: number): number {
  let n = 0;
  let digits = 0;
  let fraction = -1;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0 && digits > 0) fraction = 0;
    else if (c !== 44 || i === 0 || fraction >= 0) return NaN;
  }
  if (digits === 0 || digits > EXACT_DIGITS || fraction === 0) return NaN;
  const exponent = pow10 - Math.max(fraction, 0);
  if (exponent === 0) return n;
  if (exponent > 0) return exponent < EXACT_POW10.length ? n * EXACT_POW10[exponent] : NaN;
  return -exponent < EXACT_POW10.length ? n / EXACT_POW10[-exponent] : NaN;
}

export function decimalTextToNumber(text: string, pow10 = 0): number {
  // Most figures: no regex, no string built.
  const plain = plainDecimal(text, text.length, pow10);
  if (!Number.isNaN(plain)) return plain;
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

/** decimalTextToNumber of the text's first `end` characters, without cutting them out when it can. */
export function decimalPrefixToNumber(text: string, end: number, pow10 = 0): number {
  const plain = plainDecimal(text, end, pow10);
  return Number.isNaN(plain) ? decimalTextToNumber(text.slice(0, end), pow10) : plain;
}

/** n * 10^pow10 without binary rounding error beyond the final rounding. */
export function scaleNumber(n: number, pow10: number): number {
  if (pow10 === 0 || !Number.isFinite(n)) return n;
  return decimalTextToNumber(String(n), pow10);
}
