// Appending cell formats to xl/styles.xml. Existing entries are never renumbered or changed, so
// every style index in every sheet keeps its meaning; a variant of an xf is appended once and
// reused.
import { element } from "./xml/xmlBuild";
import { renderDocument, type ElementChange } from "./xml/xmlRender";
import { childrenNamed, firstChild, parseXml, type XmlDocument, type XmlElement } from "./xml/xmlTree";

export interface XfVariant {
  /** Cell protection: false unlocks the cell for a protected sheet. */
  locked?: boolean;
  /** Number format id (already defined in numFmts, or built in). */
  numFmtId?: number;
}

export class StylesPatch {
  private docCache: XmlDocument | null = null;
  private readonly appended: string[] = [];
  private readonly memo = new Map<string, number>();
  private allLocked = false;

  constructor(
    readonly part: string,
    private readonly source: () => string,
  ) {}

  private get doc(): XmlDocument {
    return (this.docCache ??= parseXml(this.source(), this.part));
  }

  private get cellXfs(): XmlElement {
    const el = firstChild(this.doc.root, "cellXfs");
    if (!el) throw new Error(`${this.part}: no cellXfs`);
    return el;
  }

  private xf(index: number): XmlElement {
    const xfs = childrenNamed(this.cellXfs, "xf");
    const xf = xfs[index] ?? xfs[0];
    if (!xf) throw new Error(`${this.part}: no xf ${index}`);
    return xf;
  }

  get count(): number {
    return childrenNamed(this.cellXfs, "xf").length + this.appended.length;
  }

  /**
   * Locks every cell format the workbook has, the cell styles' (cellStyleXfs, Normal among them)
   * included: on a protected sheet every cell is then locked, whether it has a <c> element, takes
   * its row's or its column's format, or the default. Only variants made afterwards unlock.
   */
  lockAll(): void {
    this.allLocked = true;
  }

  /** Whether cells with this xf are locked (the default is locked). */
  isLocked(index: number): boolean {
    if (index >= childrenNamed(this.cellXfs, "xf").length) return this.variantLocked.get(index) ?? true;
    if (this.allLocked) return true;
    const p = firstChild(this.xf(index), "protection");
    const locked = p?.attrs.locked;
    return !(locked === "0" || locked === "false");
  }

  private readonly variantLocked = new Map<number, boolean>();

  numFmtId(index: number): number {
    if (index >= childrenNamed(this.cellXfs, "xf").length) return this.variantNumFmt.get(index) ?? 0;
    return Number(this.xf(index).attrs.numFmtId ?? 0);
  }

  private readonly variantNumFmt = new Map<number, number>();
  private readonly variantBase = new Map<number, { base: number; v: XfVariant }>();

  /** The index of an xf like `index` but with the variant applied; appended once when new. */
  variant(index: number, v: XfVariant): number {
    // Variants of variants are built from the original xf with both changes.
    const prior = this.variantBase.get(index);
    const base = prior ? prior.base : index;
    const merged: XfVariant = { ...(prior?.v ?? {}), ...v };
    const locked = merged.locked ?? this.isLocked(base);
    const numFmtId = merged.numFmtId ?? this.numFmtId(base);
    if (locked === this.isLocked(base) && numFmtId === this.numFmtId(base)) return base;
    const key = `${base}|${locked}|${numFmtId}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const src = this.xf(base);
    const attrs: Record<string, string> = { ...src.attrs, numFmtId: String(numFmtId) };
    if (numFmtId !== this.numFmtId(base)) attrs.applyNumberFormat = "1";
    const kept: string[] = [];
    let protection: string | null = null;
    for (const c of src.children) {
      const xml = this.doc.source.slice(c.start, c.end);
      if (c.local === "protection") {
        const pAttrs = { ...c.attrs, locked: locked ? "1" : "0" };
        protection = element(c.name, pAttrs);
      } else if (c.local === "extLst") {
        continue;
      } else kept.push(xml);
    }
    if (locked !== this.isLocked(base)) {
      attrs.applyProtection = "1";
      protection ??= element(src.prefix ? `${src.prefix}:protection` : "protection", {
        locked: locked ? "1" : "0",
      });
    }
    // CT_Xf: alignment, protection, extLst.
    const inner = kept.join("") + (protection ?? "");
    const idx = this.count;
    this.appended.push(element(src.name, attrs, inner));
    this.memo.set(key, idx);
    this.variantLocked.set(idx, locked);
    this.variantNumFmt.set(idx, numFmtId);
    this.variantBase.set(idx, { base, v: merged });
    return idx;
  }

  render(): string | null {
    const changes = new Map<XmlElement, ElementChange>();
    if (this.allLocked) this.lockInPlace(changes);
    if (this.appended.length > 0)
      changes.set(this.cellXfs, { append: this.appended.join(""), attrs: { count: String(this.count) } });
    if (changes.size === 0) return null;
    return renderDocument(this.doc, (el) => changes.get(el));
  }

  /** Every existing xf (cell formats and cell styles) that unlocks is made to lock, in place. */
  private lockInPlace(changes: Map<XmlElement, ElementChange>): void {
    const styleXfs = firstChild(this.doc.root, "cellStyleXfs");
    for (const list of [this.cellXfs, styleXfs])
      for (const xf of list ? childrenNamed(list, "xf") : [])
        for (const p of childrenNamed(xf, "protection")) {
          const locked = p.attrs.locked;
          if (locked === "0" || locked === "false") changes.set(p, { attrs: { locked: null } });
        }
  }
}
