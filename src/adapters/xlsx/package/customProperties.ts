// Custom document properties (docProps/custom.xml, ECMA-376 Part 1, 22.3): name and value pairs,
// read for kensho's split marker (core/cycle/splitMarker.ts). Text values come as strings, numbers
// and booleans as such; anything else (dates, vectors) as its text.
import type { OpcPackage } from "./opcPackage";
import { relType } from "./relationships";
import { parseXml } from "./xml";

/** Far beyond any real set of document properties; a larger part is not read. */
const MAX_CUSTOM_PROPERTIES_BYTES = 1024 * 1024;

/** The package's custom properties in document order; [] when it has none. */
export function readCustomProperties(pkg: OpcPackage): Array<[string, string | number | boolean]> {
  const rel = pkg.relationships("/").find((r) => relType(r.type) === "custom-properties" && r.part);
  if (!rel?.part || !pkg.has(rel.part)) return [];
  const text = pkg.text(rel.part, { maxBytes: MAX_CUSTOM_PROPERTIES_BYTES });
  const out: Array<[string, string | number | boolean]> = [];
  let name: string | null = null;
  let type: string | null = null;
  let value = "";
  let depth = 0;
  parseXml(text, {
    open(tag, attrs) {
      if (tag === "property") {
        name = attrs.name ?? null;
        type = null;
        value = "";
        depth = 0;
      } else if (name !== null) {
        depth++;
        if (depth === 1) type = tag;
      }
    },
    text(t) {
      if (name !== null && depth === 1) value += t;
    },
    close(tag) {
      if (tag === "property") {
        if (name !== null && type !== null) {
          const v =
            type === "bool"
              ? value.trim() === "true" || value.trim() === "1"
              : /^(?:i[1248]|ui[1248]|int|uint|r[48]|decimal)$/.test(type) && value.trim() !== ""
                ? Number(value)
                : value;
          out.push([name, v]);
        }
        name = null;
      } else if (name !== null) depth--;
    },
  });
  return out;
}
