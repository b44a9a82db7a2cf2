// Differential formats (<dxfs>, ECMA-376 Part 1, 18.8.14–18.8.15) in xl/styles.xml: the fill of a
// kensho mark's conditional format. Appended, never renumbered: every dxfId the sheets' own
// conditional formats name keeps its meaning. A dxf identical to one already there is reused, so
// annotating a copy again adds nothing new. <dxfs> goes after <cellStyles> when the part has none
// (CT_Stylesheet: numFmts, fonts, fills, borders, cellStyleXfs, cellXfs, cellStyles, dxfs,
// tableStyles, colors, extLst).
import { element, qname } from "./xml/xmlBuild";
import { renderDocument, type ElementChange } from "./xml/xmlRender";
import {
  childrenNamed,
  firstChild,
  innerXml,
  parseXml,
  type XmlDocument,
  type XmlElement,
} from "./xml/xmlTree";

const AFTER_DXFS = ["tableStyles", "colors", "extLst"];

/** A solid fill of `color`. Both colours given: Excel reads a dxf's solid fill from bgColor, other readers from fgColor. */
function fillDxf(prefix: string, color: string): string {
  const q = (n: string) => qname(prefix, n);
  const rgb = `FF${color.replace(/^#/, "").toUpperCase()}`;
  return element(
    q("fill"),
    {},
    element(
      q("patternFill"),
      { patternType: "solid" },
      element(q("fgColor"), { rgb }) + element(q("bgColor"), { rgb }),
    ),
  );
}

const normalise = (xml: string) => xml.replace(/\s+/g, "");

export class DxfStyles {
  private readonly added: string[] = [];
  private readonly ids = new Map<string, number>();

  constructor(
    readonly part: string,
    private readonly source: string,
  ) {}

  private docCache: XmlDocument | null = null;
  private get doc(): XmlDocument {
    return (this.docCache ??= parseXml(this.source, this.part));
  }

  private existing(): XmlElement[] {
    const dxfs = firstChild(this.doc.root, "dxfs");
    return dxfs ? childrenNamed(dxfs, "dxf") : [];
  }

  /** The dxfId of a format that fills the cell with `color`. */
  fill(color: string): number {
    const known = this.ids.get(color);
    if (known !== undefined) return known;
    const inner = fillDxf(this.doc.root.prefix, color);
    const list = this.existing();
    let id = list.findIndex((d) => normalise(innerXml(this.doc, d)) === normalise(inner));
    if (id < 0) {
      id = list.length + this.added.length;
      this.added.push(element(qname(this.doc.root.prefix, "dxf"), {}, inner));
    }
    this.ids.set(color, id);
    return id;
  }

  /** styles.xml with the new formats appended; null when none was needed. */
  render(): string | null {
    if (this.added.length === 0) return null;
    const root = this.doc.root;
    const dxfs = firstChild(root, "dxfs");
    const count = this.existing().length + this.added.length;
    const changes = new Map<XmlElement, ElementChange>();
    if (dxfs) {
      changes.set(dxfs, { append: this.added.join(""), attrs: { count: String(count) } });
    } else {
      const xml = element(qname(root.prefix, "dxfs"), { count }, this.added.join(""));
      const next = root.children.find((c) => AFTER_DXFS.includes(c.local));
      changes.set(next ?? root, next ? { before: xml } : { append: xml });
    }
    return renderDocument(this.doc, (el) => changes.get(el));
  }
}
