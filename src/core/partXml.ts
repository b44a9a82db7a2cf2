// The text of a custom XML part kensho keeps in a workbook: one namespaced root element whose text is
// JSON. Shared by the flag record and the edit record, so both read what hosts may re-serialise
// (a prefix, a declaration, comments, CDATA, character references) the same way.

export function escapeXmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeXmlText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    // A reference to no character at all is not XML: the part is damaged, not the record's text.
    return code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
  });
}

/**
 * The XML of a part: a declaration and `<root xmlns="ns">` around the escaped JSON. JSON.stringify
 * escapes controls and lone surrogates but not U+FFFE and U+FFFF, which no XML part may carry: they
 * are written as JSON escapes too.
 */
export function partXml(root: string, namespace: string, json: string): string {
  const safe = json.replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<${root} xmlns="${namespace}">${escapeXmlText(safe)}</${root}>`
  );
}

/** The root element's text, whatever prefix, declaration, comments or CDATA a host wrapped it in. */
export function rootText(xml: string): string | null {
  const body = xml
    .replace(/^\uFEFF/, "")
    .replace(/<\?[\s\S]*?\?>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .trim();
  const open = /^<([A-Za-z_][\w.:-]*)(?:\s[^>]*)?>/.exec(body);
  if (!open) return null;
  const close = body.lastIndexOf(`</${open[1]}`);
  if (close < open[0].length) return null;
  const inner = body.slice(open[0].length, close);
  // CDATA sections carry their text raw; everything else is entity-escaped.
  return inner
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith("<![CDATA[") ? part.slice(9, -3) : unescapeXmlText(part)))
    .join("");
}
