// Text from cells reaches terminals and spreadsheets. Control characters (C0, DEL, C1: ESC, CSI,
// BEL…) and bidirectional overrides are removed from everything kensho prints, so a cell holding
// "_x001B_[2J" can neither clear the screen nor disguise what a line says.

// C0 except tab and line feed, DEL, C1, and the bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// The same, line breaks and tabs included: for one-line fields.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_INLINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Removes control characters, keeping line feeds and tabs (and CR LF pairs as LF). */
export function stripControls(text: string): string {
  return text.replace(/\r\n/g, "\n").replace(UNSAFE, "");
}

/** Removes control characters, line breaks and tabs included (each break becomes a space). */
export function stripControlsInline(text: string): string {
  return text.replace(/[\r\n\t]+/g, " ").replace(UNSAFE_INLINE, "");
}

// For data formats (JSON, CSV) that quote line breaks safely: keep LF, CR and tab.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_DATA = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Removes control characters but keeps line feeds, carriage returns and tabs, as data formats quote them. */
export function stripControlsInData(text: string): string {
  return text.replace(UNSAFE_DATA, "");
}
