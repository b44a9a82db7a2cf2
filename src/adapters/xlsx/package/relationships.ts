// .rels parts: the relationships from a part (or the package) to others.
import { parseXml } from "./xml";
import { resolveTarget } from "./partNames";

export interface Relationship {
  id: string;
  /** The relationship type URI; compare with `relType`, which ignores the strict/transitional base. */
  type: string;
  /** The target as written. */
  target: string;
  /** "External" for links outside the package (hyperlinks); otherwise internal. */
  external: boolean;
  /** For internal targets: the resolved part name ("/xl/worksheets/sheet1.xml"); null when external. */
  part: string | null;
}

export const REL = {
  officeDocument: "officeDocument",
  worksheet: "worksheet",
  sharedStrings: "sharedStrings",
  styles: "styles",
} as const;

/** The last segment of a relationship type ("…/relationships/worksheet" -> "worksheet"). */
export const relType = (type: string): string => type.slice(type.lastIndexOf("/") + 1);

/** Parses a .rels part. `sourcePart` is the part the relationships belong to ("/" for the package). */
export function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  const out: Relationship[] = [];
  parseXml(xml, {
    open(name, a) {
      if (name !== "Relationship" || !a.Id || a.Target === undefined) return;
      const external = a.TargetMode === "External";
      out.push({
        id: a.Id,
        type: a.Type ?? "",
        target: a.Target,
        external,
        part: external ? null : resolveTarget(sourcePart, a.Target),
      });
    },
  });
  return out;
}
