// Serialising the few elements kensho writes itself: escaping done once, here.

export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => {
    switch (c) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      case "\t":
        return "&#9;";
      case "\n":
        return "&#10;";
      default:
        return "&#13;";
    }
  });
}

export function attrsXml(attrs: Record<string, string | number | undefined>): string {
  let s = "";
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) s += ` ${k}="${escapeAttr(String(v))}"`;
  return s;
}

/** `<name a="1">inner</name>`, or `<name a="1"/>` when inner is empty. */
export function element(
  name: string,
  attrs: Record<string, string | number | undefined>,
  inner = "",
): string {
  return inner === "" ? `<${name}${attrsXml(attrs)}/>` : `<${name}${attrsXml(attrs)}>${inner}</${name}>`;
}

/** The qualified name for a local name in the same namespace prefix as `like` ("x:c" beside "x:row"). */
export function qname(prefix: string, local: string): string {
  return prefix ? `${prefix}:${local}` : local;
}
