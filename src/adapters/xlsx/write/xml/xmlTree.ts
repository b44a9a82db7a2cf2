// A parsed XML part that remembers where every element sits in its source text, so an edit can
// replace exactly the elements it changes and copy every other character verbatim.
//
// Why not a DOM (e.g. @xmldom/xmldom) and a serialiser? Serialising a DOM rewrites what it did not
// change: quoting, self-closing forms, entity choices, namespace declarations, white space. A part
// kensho edits must differ from its input only where kensho meant it to. saxes is a conformant,
// maintained streaming parser (jsdom's): it rejects malformed XML, and its `position` is a plain
// index into the source string, which is all splicing needs. Nothing is ever matched with a regular
// expression: element boundaries come from the parser.
import { SaxesParser, type SaxesTagNS } from "saxes";

export interface XmlElement {
  /** Qualified name as written ("c", "x14:dataValidation"). */
  name: string;
  /** Local name and namespace URI, for matching whatever prefix a producer chose. */
  local: string;
  uri: string;
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

/** Parses a part into an element tree with source offsets. Throws XmlPartError on malformed XML. */
export function parseXml(source: string, part = ""): XmlDocument {
  if (source.length > MAX_PART_CHARS) throw new XmlPartError(part, "part too large");
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  let failure: Error | null = null;
  parser.on("error", (err) => {
    failure ??= err;
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const end = parser.position;
    const start = source.lastIndexOf("<", end - 1);
    const attrs: Record<string, string> = {};
    for (const [name, a] of Object.entries(tag.attributes)) attrs[name] = a.value;
    const parent = stack[stack.length - 1] ?? null;
    const el: XmlElement = {
      name: tag.name,
      local: tag.local,
      uri: tag.uri,
      prefix: tag.prefix,
      attrs,
      start,
      openEnd: end,
      closeStart: end,
      end,
      selfClosing: tag.isSelfClosing,
      children: [],
      text: "",
      parent,
    };
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on("closetag", () => {
    const el = stack.pop();
    if (!el) return;
    const end = parser.position;
    if (!el.selfClosing) {
      el.closeStart = source.lastIndexOf("<", end - 1);
      el.end = end;
    }
  });
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.write(source).close();
  if (failure) throw new XmlPartError(part, (failure as Error).message);
  if (!root) throw new XmlPartError(part, "no root element");
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
