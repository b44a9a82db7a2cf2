// xl/sharedStrings.xml, streamed: every <si> as plain text (rich-text runs joined, phonetic guides
// left out, as Excel shows the cell). A string longer than the limit stops the read.
import { PackageError } from "./errors";
import { decodeXString, XmlStream } from "./xml";

export interface SharedStringLimits {
  /** The longest string accepted, in characters (Excel's own cell limit is 32,767). */
  maxChars: number;
}

/** One string may be 1,000,000 characters: thirty times what Excel lets a cell hold. */
export const DEFAULT_MAX_STRING_CHARS = 1_000_000;

/** A sink for the part's bytes: `write` each chunk, then `end` for the strings. */
export function sharedStringsReader(
  part: string,
  limits: SharedStringLimits = { maxChars: DEFAULT_MAX_STRING_CHARS },
) {
  const strings: string[] = [];
  let inSi = false;
  let depthPhonetic = 0;
  let inT = false;
  let current = "";
  let length = 0;
  const xml = new XmlStream({
    open(name) {
      if (name === "si") {
        inSi = true;
        current = "";
        length = 0;
      } else if (name === "rPh") depthPhonetic++;
      else if (name === "t" && inSi && depthPhonetic === 0) inT = true;
    },
    text(t) {
      if (!inT) return;
      length += t.length;
      if (length > limits.maxChars)
        throw new PackageError("string-too-long", { part, limit: limits.maxChars });
      current += t;
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") depthPhonetic = Math.max(0, depthPhonetic - 1);
      else if (name === "si") {
        inSi = false;
        strings.push(decodeXString(current));
        current = "";
      }
    },
  });
  return {
    write: (chunk: Uint8Array) => xml.writeBytes(chunk),
    end: (): string[] => {
      xml.end();
      return strings;
    },
  };
}
