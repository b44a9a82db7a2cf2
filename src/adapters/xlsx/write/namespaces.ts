// The OOXML namespaces the writers name, and the prefix a part's root element binds to one.
import type { XmlElement } from "./xml/xmlTree";

/** Relationship ids in parts (r:id) and the base of every relationship type. */
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** SpreadsheetML's main namespace (worksheet, comments). */
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The prefix `root` declares for `namespace` ("r" for xmlns:r="…"), or undefined when it has none. */
export function prefixFor(root: XmlElement, namespace: string): string | undefined {
  return Object.entries(root.attrs)
    .find(([k, v]) => k.startsWith("xmlns:") && v === namespace)?.[0]
    .slice("xmlns:".length);
}
