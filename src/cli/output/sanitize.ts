// Text from cells and file names reaches terminals and spreadsheets. Control characters (C0, DEL,
// C1: ESC, CSI, BEL…), format characters (bidi embeddings, overrides and isolates, zero-width
// spaces and joiners, word joiner, BOM, tag characters), line and paragraph separators,
// noncharacters and lone surrogates are removed from everything kensho prints, so a cell holding
// "_x001B_[2J" can neither clear the screen nor disguise what a line says, and 商工労働課 followed
// by a zero-width space does not print as a second 商工労働課. `printableIo` applies this to every
// byte a command writes to stdout and stderr; the functions below serve the data formats too.

// What no output keeps, whatever the format.
const NEVER = String.raw`\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cf}\p{Cs}\u2028\u2029\uFFFE\uFFFF`;

// Text reports: line feeds and tabs stay; a carriage return goes (CR LF becomes LF first).
const UNSAFE = new RegExp(`[${NEVER}\\r]`, "gu");
// One-line fields: line breaks and tabs too.
const UNSAFE_INLINE = new RegExp(`[${NEVER}\\r\\n\\t]`, "gu");
// Data formats (JSON, CSV) that quote line breaks safely: LF, CR and tab stay.
const UNSAFE_DATA = new RegExp(`[${NEVER}]`, "gu");

/** Removes control characters, keeping line feeds and tabs (and CR LF pairs as LF). */
export function stripControls(text: string): string {
  return text.replace(/\r\n/g, "\n").replace(UNSAFE, "");
}

/** Removes control characters, line breaks and tabs included (each break becomes a space). */
export function stripControlsInline(text: string): string {
  return text.replace(/[\r\n\t]+/g, " ").replace(UNSAFE_INLINE, "");
}

/** Removes control characters but keeps line feeds, carriage returns and tabs, as data formats quote them. */
export function stripControlsInData(text: string): string {
  return text.replace(UNSAFE_DATA, "");
}

// What reaches a terminal: a carriage return only as part of CR LF (the CSV's line ends).
const UNSAFE_PRINTED = new RegExp(`[${NEVER}]|\\r(?!\\n)`, "gu");

/** Text as it may be printed: LF, tab and CR LF kept, everything above removed. */
export function printable(text: string): string {
  return text.replace(UNSAFE_PRINTED, "");
}

/** kensho's own progress line on a terminal redraws itself with CR and "erase line" (ESC [ K). */
export const REDRAW_LINE = "\r\x1b[K";

interface Streams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * The same streams, each write made printable: on stdout a BOM is kept only as the very first
 * character (the CSV report's), on stderr kensho's own line redraw is kept.
 */
export function printableIo<T extends Streams>(io: T): T {
  let started = false;
  return {
    ...io,
    stdout: (text: string) => {
      const bom = !started && text.startsWith("\uFEFF");
      if (text !== "") started = true;
      io.stdout(bom ? `\uFEFF${printable(text.slice(1))}` : printable(text));
    },
    stderr: (text: string) => io.stderr(text.split(REDRAW_LINE).map(printable).join(REDRAW_LINE)),
  };
}
