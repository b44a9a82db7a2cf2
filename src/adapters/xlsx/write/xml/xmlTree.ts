// A parsed XML part that remembers where every element sits in its source text, so an edit can
// replace exactly the elements it changes and copy every other character verbatim.
//
// Why not a DOM (e.g. @xmldom/xmldom) and a serialiser? Serialising a DOM rewrites what it did not
// change: quoting, self-closing forms, entity choices, namespace declarations, white space. A part
// kensho edits must differ from its input only where kensho meant it to. The parser is the xlsx
// adapter's one XML parser, htmlparser2 in XML mode (package/xml.ts); its startIndex and endIndex
// are exact source offsets of every tag, which is all splicing needs. Nothing is ever matched with
// a regular expression: element boundaries come from the parser.
import { Parser } from "htmlparser2";

export interface XmlElement {
  /** Qualified name as written ("c", "x14:dataValidation"). */
  name: string;
  /** Local name and prefix, for matching whatever prefix a producer chose. */
  local: string;
  prefix: string;
  /** Attributes by qualified name, in document order, with entities decoded. */
  attrs: Record<string, string>;
  /** Source offsets: `<` of the open tag; after its `>`; `<` of the close tag; after its `>`. */
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
  children: XmlElement[];
  /** Decoded character data directly inside this element (not its children's). */
  text: string;
  parent: XmlElement | null;
}

export interface XmlDocument {
  source: string;
  root: XmlElement;
}

/** Largest part kensho will parse: a verification sheet is a few hundred kilobytes. */
export const MAX_PART_CHARS = 64 * 1024 * 1024;

export class XmlPartError extends Error {
  constructor(
    readonly part: string,
    detail: string,
  ) {
    super(`${part}: ${detail}`);
    this.name = "XmlPartError";
  }
}

/** Parses a part into an element tree with source offsets. Throws XmlPartError when it has no root. */
export function parseXml(source: string, part = ""): XmlDocument {
  if (source.length > MAX_PART_CHARS) throw new XmlPartError(part, "part too large");
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        const start = parser.startIndex;
        const openEnd = parser.endIndex + 1;
        const colon = name.indexOf(":");
        const parent = stack[stack.length - 1] ?? null;
        const el: XmlElement = {
          name,
          local: colon < 0 ? name : name.slice(colon + 1),
          prefix: colon < 0 ? "" : name.slice(0, colon),
          attrs: { ...attribs },
          start,
          openEnd,
          closeStart: openEnd,
          end: openEnd,
          selfClosing: source[openEnd - 2] === "/",
          children: [],
          text: "",
          parent,
        };
        if (parent) parent.children.push(el);
        else root ??= el;
        stack.push(el);
      },
      ontext(text) {
        const top = stack[stack.length - 1];
        if (top) top.text += text;
      },
      onclosetag() {
        const el = stack.pop();
        if (!el || el.selfClosing) return;
        el.closeStart = parser.startIndex;
        el.end = parser.endIndex + 1;
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true, recognizeSelfClosing: true },
  );
  parser.write(source);
  parser.end();
  if (!root) throw new XmlPartError(part, "no root element");
  if (stack.length > 0) throw new XmlPartError(part, "unclosed element");
  return { source, root };
}

/** Direct children with this local name. */
export function childrenNamed(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local);
}

export function firstChild(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c) => c.local === local);
}

/** Every descendant with this local name, in document order. */
export function descendants(el: XmlElement, local: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (c.local === local) out.push(c);
    descendants(c, local, out);
  }
  return out;
}

/** The element's source text, tags included. */
export function outerXml(doc: XmlDocument, el: XmlElement): string {
  return doc.source.slice(el.start, el.end);
}

/** The element's content as written, between its tags ("" when self-closing). */
export function innerXml(doc: XmlDocument, el: XmlElement): string {
  return el.selfClosing ? "" : doc.source.slice(el.openEnd, el.closeStart);
}
