// What a number format says about the values shown under it, read once per format. A workbook uses a
// handful of formats for thousands of numeric cells, and reading one walks it character by character.
import { analyzeNumberFormat, type FormatInfo } from "./numberFormat";
import { normalizeValueText } from "./normalize";
import { parseTail, type Tail } from "./parseText";

export interface FormatReading {
  readonly info: FormatInfo;
  /** The literal suffix read as a tail (unit, multiplier, period); undefined until first asked. */
  tail?: Tail | null;
  /** The same, read strictly (no bracket or currency stripping), as for a number typed as text. */
  strictTail?: Tail | null;
}

const MAX_FORMATS = 512;
/** One table per sign: Excel picks a format's section by the sign of the value (negative, zero, positive). */
const bySign: Map<string, FormatReading>[] = [new Map(), new Map(), new Map()];

/** The reading of `format` for a value of `value`'s sign. */
export function formatReading(format: string, value: number): FormatReading {
  const table = bySign[value < 0 ? 0 : value === 0 ? 1 : 2];
  let reading = table.get(format);
  if (!reading) {
    // The info is shared by every value of this sign, so it must never change.
    reading = { info: Object.freeze(analyzeNumberFormat(format, value)) };
    if (table.size >= MAX_FORMATS) table.clear();
    table.set(format, reading);
  }
  return reading;
}

/** The unit, multiplier and period a format's suffix gives a number shown under it. */
export function formatTail(reading: FormatReading): Tail | null {
  if (reading.tail === undefined) {
    const suffix = reading.info.suffix;
    reading.tail = parseTail(normalizeValueText(suffix)) ?? parseTail(suffix.replace(/[()\s$¥]/g, ""));
  }
  return reading.tail;
}

/** The tail of a format's suffix read as it is written, without the lenient second attempt. */
export function strictFormatTail(reading: FormatReading): Tail | null {
  if (reading.strictTail === undefined)
    reading.strictTail = parseTail(normalizeValueText(reading.info.suffix));
  return reading.strictTail;
}
