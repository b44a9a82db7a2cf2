// The one streaming XML parser of the xlsx adapter: htmlparser2's tokenizer in XML mode (chosen by
// benchmark over saxes and sax; see ../README.md). It never throws on malformed input, so a hostile
// part yields what can be read of it, and the checks that matter (limits, missing parts) are ours.
// Element names arrive without their namespace prefix ("x:row" -> "row").
//
// The tokenizer is driven directly rather than through htmlparser2's Parser: for XML the Parser
// only slices names, gathers attributes and keeps the stack of open elements, and doing that here
// (with no attribute object for elements that have none) reads a worksheet about a third faster.
// Events are the Parser's in XML mode: an unmatched closing tag is ignored, one that closes an
// outer element closes the inner ones first, CDATA is text, elements left open close at the end.
import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";

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

/** What an element without attributes is given: shared, so never to be written to. */
const NO_ATTRIBUTES: XmlAttributes = Object.freeze({}) as XmlAttributes;
const noop = (): void => undefined;

/** A push parser: feed it text or UTF-8 bytes in chunks of any size, then call end(). */
export class XmlStream implements TokenizerCallbacks {
  private readonly tokenizer: Tokenizer;
  /** Made on the first bytes only: a TextDecoder is costly to create, and small parts come as text. */
  private decoder: TextDecoder | null = null;
  private readonly onOpen: (name: string, attrs: XmlAttributes) => void;
  private readonly onText: (text: string) => void;
  private readonly onClose: (name: string) => void;
  /** The chunks a pending token may still span, and the stream offset of the first. */
  private readonly buffers: string[] = [];
  private bufferOffset = 0;
  /** Open elements, innermost last, with their names as written (prefix included). */
  private readonly stack: string[] = [];
  private tagName = "";
  private attrs: XmlAttributes | null = null;
  private attrName = "";
  private attrValue = "";
  private ended = false;

  constructor(handler: XmlHandler) {
    this.onOpen = handler.open ?? noop;
    this.onText = handler.text ?? noop;
    this.onClose = handler.close ?? noop;
    this.tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: true }, this);
  }

  write(chunk: string): void {
    if (this.ended || chunk === "") return;
    this.buffers.push(chunk);
    this.tokenizer.write(chunk);
  }

  writeBytes(chunk: Uint8Array): void {
    const text = (this.decoder ??= new TextDecoder("utf-8")).decode(chunk, { stream: true });
    if (text) this.write(text);
  }

  end(): void {
    if (this.ended) return;
    const rest = this.decoder?.decode();
    if (rest) this.write(rest);
    this.ended = true;
    this.tokenizer.end();
  }

  /** The stream's text from `start` to `end`, across chunks; chunks wholly before `start` are let go. */
  private slice(start: number, end: number): string {
    while (this.buffers.length > 1 && start - this.bufferOffset >= this.buffers[0].length) {
      this.bufferOffset += this.buffers[0].length;
      this.buffers.shift();
    }
    let at = 0;
    let out = this.buffers[0].slice(start - this.bufferOffset, end - this.bufferOffset);
    let offset = this.bufferOffset;
    while (end - offset > this.buffers[at].length && at + 1 < this.buffers.length) {
      offset += this.buffers[at].length;
      at++;
      out += this.buffers[at].slice(0, end - offset);
    }
    return out;
  }

  // The tokenizer's callbacks (public because the tokenizer calls them).

  ontext(start: number, end: number): void {
    this.onText(this.slice(start, end));
  }

  ontextentity(codePoint: number): void {
    this.onText(String.fromCodePoint(codePoint));
  }

  oncdata(start: number, end: number, offset: number): void {
    this.onText(this.slice(start, end - offset));
  }

  onopentagname(start: number, end: number): void {
    this.tagName = this.slice(start, end);
    this.stack.push(this.tagName);
  }

  onattribname(start: number, end: number): void {
    this.attrName = this.slice(start, end);
  }

  onattribdata(start: number, end: number): void {
    this.attrValue += this.slice(start, end);
  }

  onattribentity(codePoint: number): void {
    this.attrValue += String.fromCodePoint(codePoint);
  }

  onattribend(): void {
    const attrs = (this.attrs ??= {});
    // The first of two same-named attributes wins, as in htmlparser2's Parser.
    if (!Object.prototype.hasOwnProperty.call(attrs, this.attrName)) attrs[this.attrName] = this.attrValue;
    this.attrValue = "";
  }

  onopentagend(): void {
    this.emitOpen();
  }

  onselfclosingtag(): void {
    const name = this.tagName;
    this.emitOpen();
    if (this.stack[this.stack.length - 1] === name) {
      this.stack.pop();
      this.onClose(localName(name));
    }
  }

  onclosetag(start: number, end: number): void {
    const name = this.slice(start, end);
    const at = this.stack.lastIndexOf(name);
    if (at < 0) return;
    while (this.stack.length > at) this.onClose(localName(this.stack.pop() as string));
  }

  onend(): void {
    for (let i = this.stack.length - 1; i >= 0; i--) this.onClose(localName(this.stack[i]));
    this.stack.length = 0;
  }

  private emitOpen(): void {
    const attrs = this.attrs ?? NO_ATTRIBUTES;
    this.attrs = null;
    this.onOpen(localName(this.tagName), attrs);
    this.tagName = "";
  }

  // Declarations, processing instructions and comments carry nothing the reader needs.
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  oncomment(): void {}
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
