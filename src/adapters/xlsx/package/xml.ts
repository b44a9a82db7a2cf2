// The one streaming XML parser of the xlsx adapter: htmlparser2 in XML mode (chosen by benchmark
// over saxes and sax; see ../README.md). It never throws on malformed input,
// so a hostile part yields what can be read of it, and the checks that matter (limits, missing
// parts) are ours. Element names arrive without their namespace prefix ("x:row" -> "row").
import { Parser } from "htmlparser2";

export type XmlAttributes = Record<string, string>;

export interface XmlHandler {
  open?(name: string, attrs: XmlAttributes): void;
  text?(text: string): void;
  close?(name: string): void;
}

const localName = (name: string): string => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

/** A push parser: feed it text or UTF-8 bytes in chunks of any size, then call end(). */
export class XmlStream {
  private readonly parser: Parser;
  private readonly decoder = new TextDecoder("utf-8");

  constructor(handler: XmlHandler) {
    const { open, text, close } = handler;
    this.parser = new Parser(
      {
        onopentag: open ? (name, attrs) => open(localName(name), attrs) : undefined,
        ontext: text,
        onclosetag: close ? (name) => close(localName(name)) : undefined,
      },
      { xmlMode: true, decodeEntities: true, recognizeCDATA: true, recognizeSelfClosing: true },
    );
  }

  write(chunk: string): void {
    this.parser.write(chunk);
  }

  writeBytes(chunk: Uint8Array): void {
    const text = this.decoder.decode(chunk, { stream: true });
    if (text) this.parser.write(text);
  }

  end(): void {
    const rest = this.decoder.decode();
    if (rest) this.parser.write(rest);
    this.parser.end();
  }
}

/** Parses a whole (small) document. */
export function parseXml(text: string, handler: XmlHandler): void {
  const s = new XmlStream(handler);
  s.write(text);
  s.end();
}

/** An attribute by local name, whatever its prefix ("r:id", "ns2:id"). */
export function attrLocal(attrs: XmlAttributes, local: string): string | undefined {
  if (local in attrs) return attrs[local];
  for (const key in attrs) if (key.endsWith(`:${local}`)) return attrs[key];
  return undefined;
}

/** OOXML booleans: "1"/"true" (and "on" from some writers). */
export const xmlTrue = (v: string | undefined): boolean => v === "1" || v === "true" || v === "on";

/**
 * Decodes the ST_Xstring escapes Excel writes for characters XML cannot carry: "_x001B_" is ESC,
 * "_x005F_" an underscore. Control characters come back as they are; printing strips them.
 */
export function decodeXString(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
