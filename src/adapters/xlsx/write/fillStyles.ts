// Cell fills in xl/styles.xml, both ways: a style's fill as the flag record keeps it (colours
// resolved through the theme and the indexed palette, docs/flag-record.md "From xl/styles.xml"), and
// a variant of a style with another fill, appended to <fills> and <cellXfs>. Existing entries are
// never renumbered or changed, so every style index in every sheet keeps its meaning.
import type { Fill } from "../../../core/flags";
import { element } from "./xml/xmlBuild";
import { renderDocument, type ElementChange } from "./xml/xmlRender";
import {
  childrenNamed,
  descendants,
  firstChild,
  parseXml,
  type XmlDocument,
  type XmlElement,
} from "./xml/xmlTree";

/** SpreadsheetML patternType -> Excel's FillPattern name (docs/flag-record.md). */
const PATTERN_NAMES: Record<string, string> = {
  solid: "Solid",
  mediumGray: "Gray50",
  darkGray: "Gray75",
  lightGray: "Gray25",
  darkHorizontal: "Horizontal",
  darkVertical: "Vertical",
  darkDown: "Down",
  darkUp: "Up",
  darkGrid: "Checker",
  darkTrellis: "SemiGray75",
  lightHorizontal: "LightHorizontal",
  lightVertical: "LightVertical",
  lightDown: "LightDown",
  lightUp: "LightUp",
  lightGrid: "Grid",
  lightTrellis: "CrissCross",
  gray125: "Gray16",
  gray0625: "Gray8",
};
const PATTERN_TYPES: Record<string, string> = Object.fromEntries(
  Object.entries(PATTERN_NAMES).map(([k, v]) => [v, k]),
);

/**
 * Excel's default indexed palette (ECMA-376 Part 1, 18.8.27 indexedColors), used when styles.xml
 * does not redefine it. 64 and 65 are the system foreground and background.
 */
const DEFAULT_INDEXED = [
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
  "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
  "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
  "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
  "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
  "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
  "000000", "FFFFFF",
]; // prettier-ignore

/** Theme colour slots in the order `theme="n"` counts them: lt1 and dk1 come first (the swap). */
const THEME_SLOTS = [
  "lt1",
  "dk1",
  "lt2",
  "dk2",
  "accent1",
  "accent2",
  "accent3",
  "accent4",
  "accent5",
  "accent6",
  "hlink",
  "folHlink",
];

/** The base colours of a theme part's colour scheme, by `theme="n"`. */
export function themeColors(themeXml: string | null): string[] {
  if (!themeXml) return [];
  let doc: XmlDocument;
  try {
    doc = parseXml(themeXml, "theme");
  } catch {
    return [];
  }
  const scheme = descendants(doc.root, "clrScheme")[0];
  if (!scheme) return [];
  return THEME_SLOTS.map((slot) => {
    const el = firstChild(scheme, slot);
    const srgb = el && firstChild(el, "srgbClr");
    const sys = el && firstChild(el, "sysClr");
    return (srgb?.attrs.val ?? sys?.attrs.lastClr ?? "").toUpperCase();
  });
}

interface ResolvedColor {
  hex: string | null;
  tint: number;
}

export class FillStyles {
  private docCache: XmlDocument | null = null;
  private readonly addedFills: string[] = [];
  private readonly addedXfs: string[] = [];
  private readonly memo = new Map<string, number>();
  private fillIds = new Map<string, number>();

  constructor(
    readonly part: string,
    private readonly source: () => string,
    private readonly theme: string[],
  ) {}

  private get doc(): XmlDocument {
    return (this.docCache ??= parseXml(this.source(), this.part));
  }

  private section(local: "fills" | "cellXfs"): XmlElement {
    const el = firstChild(this.doc.root, local);
    if (!el) throw new Error(`${this.part}: no ${local}`);
    return el;
  }

  private xfs(): XmlElement[] {
    return childrenNamed(this.section("cellXfs"), "xf");
  }

  private fills(): XmlElement[] {
    return childrenNamed(this.section("fills"), "fill");
  }

  private indexed(): string[] {
    const colors = firstChild(this.doc.root, "colors");
    const custom = colors && firstChild(colors, "indexedColors");
    if (!custom) return DEFAULT_INDEXED;
    const list = childrenNamed(custom, "rgbColor").map((c) => (c.attrs.rgb ?? "").slice(-6).toUpperCase());
    return list.length > 0 ? [...list, ...DEFAULT_INDEXED.slice(list.length)] : DEFAULT_INDEXED;
  }

  private color(el: XmlElement | undefined): ResolvedColor {
    if (!el) return { hex: null, tint: 0 };
    const tint = el.attrs.tint !== undefined ? Number(el.attrs.tint) || 0 : 0;
    let hex: string | null = null;
    if (el.attrs.rgb) hex = el.attrs.rgb.slice(-6).toUpperCase();
    else if (el.attrs.theme !== undefined) hex = this.theme[Number(el.attrs.theme)] || null;
    else if (el.attrs.indexed !== undefined) hex = this.indexed()[Number(el.attrs.indexed)] ?? null;
    return { hex: hex ? `#${hex}` : null, tint };
  }

  /** The xf a style index names (an index past the end reads as 0, as Excel does). */
  private xf(index: number): XmlElement {
    const xfs = this.xfs();
    const xf = xfs[index] ?? xfs[0];
    if (!xf) throw new Error(`${this.part}: no xf ${index}`);
    return xf;
  }

  /** A style's fill as the flag record keeps it; null for no fill. */
  fillOf(styleIndex: number): Fill | null {
    const original = this.xfs().length;
    if (styleIndex >= original) return this.addedFillOf.get(styleIndex) ?? null;
    const fill = this.fills()[Number(this.xf(styleIndex).attrs.fillId ?? 0)];
    if (!fill) return null;
    const gradient = firstChild(fill, "gradientFill");
    if (gradient) {
      // Excel cannot set gradients through its API: recorded, never painted over (painted: false).
      const stop = childrenNamed(gradient, "stop")[0];
      const c = this.color(stop ? firstChild(stop, "color") : undefined);
      return {
        color: c.hex ?? "#FFFFFF",
        pattern: gradient.attrs.type === "path" ? "RectangularGradient" : "LinearGradient",
        patternColor: null,
        tintAndShade: c.tint,
        patternTintAndShade: 0,
      };
    }
    const pattern = firstChild(fill, "patternFill");
    const type = pattern?.attrs.patternType;
    if (!pattern || !type || type === "none" || !PATTERN_NAMES[type]) return null;
    const fg = this.color(firstChild(pattern, "fgColor"));
    const bg = this.color(firstChild(pattern, "bgColor"));
    if (type === "solid")
      return {
        color: fg.hex ?? "#000000",
        pattern: "Solid",
        patternColor: null,
        tintAndShade: fg.tint,
        patternTintAndShade: 0,
      };
    return {
      color: bg.hex ?? "#FFFFFF",
      pattern: PATTERN_NAMES[type],
      patternColor: fg.hex,
      tintAndShade: bg.tint,
      patternTintAndShade: fg.tint,
    };
  }

  private readonly addedFillOf = new Map<number, Fill | null>();

  /** The <fill> element for a recorded fill (colours as rgb, tints as tint). */
  private fillXml(fill: Fill, prefix: string): string {
    const q = (n: string) => (prefix ? `${prefix}:${n}` : n);
    const rgb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;
    const tint = (t: number) => (t === 0 ? undefined : String(t));
    if (fill.pattern === "Solid") {
      const fg = element(q("fgColor"), { rgb: rgb(fill.color), tint: tint(fill.tintAndShade) });
      return element(
        q("fill"),
        {},
        element(q("patternFill"), { patternType: "solid" }, fg + element(q("bgColor"), { indexed: 64 })),
      );
    }
    const type = PATTERN_TYPES[fill.pattern];
    if (!type) throw new Error(`fill pattern ${fill.pattern} cannot be written`);
    const fg = fill.patternColor
      ? element(q("fgColor"), { rgb: rgb(fill.patternColor), tint: tint(fill.patternTintAndShade) })
      : element(q("fgColor"), { indexed: 64 });
    const bg = element(q("bgColor"), { rgb: rgb(fill.color), tint: tint(fill.tintAndShade) });
    return element(q("fill"), {}, element(q("patternFill"), { patternType: type }, fg + bg));
  }

  private fillId(fill: Fill | null): number {
    if (fill === null) return 0; // fills[0] is the "none" fill every styles part starts with
    const key = JSON.stringify(fill);
    const known = this.fillIds.get(key);
    if (known !== undefined) return known;
    const section = this.section("fills");
    const id = this.fills().length + this.addedFills.length;
    this.addedFills.push(this.fillXml(fill, section.prefix));
    this.fillIds.set(key, id);
    return id;
  }

  /** The index of a style like `styleIndex` with `fill` instead of its own; appended once when new. */
  withFill(styleIndex: number, fill: Fill | null): number {
    const base = this.baseOf.get(styleIndex) ?? styleIndex;
    const key = `${base}|${fill === null ? "none" : JSON.stringify(fill)}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const src = this.xf(base);
    const fillId = this.fillId(fill);
    if (String(fillId) === (src.attrs.fillId ?? "0") && base < this.xfs().length) {
      this.memo.set(key, base);
      return base;
    }
    const attrs: Record<string, string> = { ...src.attrs, fillId: String(fillId), applyFill: "1" };
    const inner = src.children
      .filter((c) => c.local !== "extLst")
      .map((c) => this.doc.source.slice(c.start, c.end))
      .join("");
    const index = this.xfs().length + this.addedXfs.length;
    this.addedXfs.push(element(src.name, attrs, inner));
    this.memo.set(key, index);
    this.baseOf.set(index, base);
    this.addedFillOf.set(index, fill);
    return index;
  }

  private readonly baseOf = new Map<number, number>();

  /** The new part text, or null when nothing was added. */
  render(): string | null {
    if (this.addedXfs.length === 0 && this.addedFills.length === 0) return null;
    const fills = this.section("fills");
    const xfs = this.section("cellXfs");
    const changes = new Map<XmlElement, ElementChange>();
    if (this.addedFills.length)
      changes.set(fills, {
        append: this.addedFills.join(""),
        attrs: { count: String(this.fills().length + this.addedFills.length) },
      });
    if (this.addedXfs.length)
      changes.set(xfs, {
        append: this.addedXfs.join(""),
        attrs: { count: String(this.xfs().length + this.addedXfs.length) },
      });
    return renderDocument(this.doc, (el) => changes.get(el));
  }
}
