// [Content_Types].xml: the content type of every part, by default per extension or overridden.
import { parseXml } from "./xml";

export interface ContentTypes {
  /** Extension (lower case, no dot) -> content type. */
  defaults: Map<string, string>;
  /** Part name (lower case, leading "/") -> content type. */
  overrides: Map<string, string>;
}

export const CONTENT_TYPES_PART = "[Content_Types].xml";

export function parseContentTypes(xml: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  parseXml(xml, {
    open(name, a) {
      if (name === "Default" && a.Extension && a.ContentType)
        defaults.set(a.Extension.toLowerCase(), a.ContentType);
      else if (name === "Override" && a.PartName && a.ContentType)
        overrides.set(a.PartName.toLowerCase(), a.ContentType);
    },
  });
  return { defaults, overrides };
}

/** The content type of a part, or null when neither an override nor a default names it. */
export function contentTypeOf(types: ContentTypes, part: string): string | null {
  const p = (part.startsWith("/") ? part : `/${part}`).toLowerCase();
  const over = types.overrides.get(p);
  if (over) return over;
  const dot = p.lastIndexOf(".");
  return dot < 0 ? null : (types.defaults.get(p.slice(dot + 1)) ?? null);
}
