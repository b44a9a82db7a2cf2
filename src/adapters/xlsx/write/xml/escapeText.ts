// Text from cells into a part kensho writes. XML 1.0 cannot carry every character a cell can hold
// (C0 controls but tab and line feed, U+FFFE, U+FFFF, a lone surrogate): a part holding one is not
// well-formed, and Excel calls the whole file damaged. SpreadsheetML's ST_Xstring has an escape for
// them, `_xHHHH_`, which Excel reads back as the character; a literal `_xHHHH_` staff typed is then
// itself escaped by writing its underscore as `_x005F_` (ECMA-376 Part 1, 22.9.2.19), so that
// 要因_x0041_ comes back as typed and not as 要因A. Every writer of cell text goes through here.
import { escapeText } from "./xmlBuild";

// The underscore of a literal escape, the characters XML 1.0 cannot carry, the carriage return (XML
// parsers turn it into a line feed; Excel writes _x000D_), and surrogates that are not a pair.
const NOT_IN_XSTRING =
  // eslint-disable-next-line no-control-regex -- exactly the characters XML cannot carry
  /_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const hex4 = (c: string) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");

/** Cell text as an ST_Xstring: every character XML cannot carry, and literal escapes, as `_xHHHH_`. */
export function toXstring(text: string): string {
  return text.replace(NOT_IN_XSTRING, (c) => `_x${hex4(c)}_`);
}

/** Cell text as the content of a <t> (or any ST_Xstring element): escaped, then `&<>` entities. */
export function xstringContent(text: string): string {
  return escapeText(toXstring(text));
}

const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- exactly the characters XML cannot carry
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text for a place that has no `_xHHHH_` escape (a relationship target, an attribute that is not
 * cell text): what XML cannot carry becomes U+FFFD.
 */
export function xmlCharsOnly(text: string): string {
  return text.replace(NOT_XML_CHAR, "\uFFFD");
}
