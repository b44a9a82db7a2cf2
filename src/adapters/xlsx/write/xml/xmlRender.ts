// Writes a parsed part back out with some elements changed. An element with no change in its
// subtree is copied from the source verbatim; a changed element keeps the source text between its
// children (indentation, comments) and rewrites only its own open tag when its attributes change.
import { escapeAttr, escapeText } from "./xmlBuild";
import type { XmlDocument, XmlElement } from "./xmlTree";

export interface ElementChange {
  /** Attributes to set (string) or remove (null); others keep their value and order. */
  attrs?: Record<string, string | null>;
  /** New character content, replacing the element's content (for leaves such as <f> or <v>). */
  text?: string;
  /** XML replacing the whole element ("" removes it). Children are not visited. */
  replaceWith?: string;
  /** XML inserted as the element's first or last content. */
  prepend?: string;
  append?: string;
  /** XML inserted as siblings just before or after the element. */
  before?: string;
  after?: string;
}

export type ChangeOf = (el: XmlElement) => ElementChange | undefined;

function openTag(
  el: XmlElement,
  attrs: Record<string, string | null> | undefined,
  selfClosing: boolean,
): string {
  const merged: Record<string, string> = { ...el.attrs };
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null) delete merged[k];
    else merged[k] = v;
  }
  let s = `<${el.name}`;
  for (const [k, v] of Object.entries(merged)) s += ` ${k}="${escapeAttr(v)}"`;
  return s + (selfClosing ? "/>" : ">");
}

/** Renders an element and its subtree with changes applied; `[text, changed]`. */
function render(doc: XmlDocument, el: XmlElement, changeOf: ChangeOf): [string, boolean] {
  const change = changeOf(el);
  if (change?.replaceWith !== undefined)
    return [(change.before ?? "") + change.replaceWith + (change.after ?? ""), true];
  const src = doc.source;
  let inner: string;
  let innerChanged = false;
  if (change?.text !== undefined) {
    inner = escapeText(change.text);
    innerChanged = true;
  } else if (el.selfClosing) {
    inner = "";
  } else {
    inner = "";
    let at = el.openEnd;
    for (const child of el.children) {
      const [t, changed] = render(doc, child, changeOf);
      inner += src.slice(at, child.start) + t;
      innerChanged ||= changed;
      at = child.end;
    }
    inner += src.slice(at, el.closeStart);
  }
  if (change?.prepend) {
    inner = change.prepend + inner;
    innerChanged = true;
  }
  if (change?.append) {
    inner += change.append;
    innerChanged = true;
  }
  const attrsChanged = change?.attrs !== undefined && Object.keys(change.attrs).length > 0;
  let out: string;
  if (!innerChanged && !attrsChanged) {
    out = src.slice(el.start, el.end);
  } else if (inner === "") {
    out = openTag(el, change?.attrs, true);
  } else {
    const open =
      attrsChanged || el.selfClosing ? openTag(el, change?.attrs, false) : src.slice(el.start, el.openEnd);
    const close = el.selfClosing ? `</${el.name}>` : src.slice(el.closeStart, el.end);
    out = open + inner + close;
  }
  const changed = innerChanged || attrsChanged || Boolean(change?.before) || Boolean(change?.after);
  return [(change?.before ?? "") + out + (change?.after ?? ""), changed];
}

/** The whole part with changes applied; the prolog and anything after the root stay as written. */
export function renderDocument(doc: XmlDocument, changeOf: ChangeOf): string {
  const [root, changed] = render(doc, doc.root, changeOf);
  if (!changed) return doc.source;
  return doc.source.slice(0, doc.root.start) + root + doc.source.slice(doc.root.end);
}
