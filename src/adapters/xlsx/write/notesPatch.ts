// Notes (what Excel now calls notes are SpreadsheetML's legacy comments) on one worksheet: the
// comments part, its VML drawing (one hidden "Note" shape per comment), the sheet's relationships,
// the content types and the sheet's <legacyDrawing>. An existing comments part and drawing are
// edited in place (people's notes kept as written); new ones are added when the sheet has none.
// ECMA-376 Part 1, 18.7 (comments) and Part 4 (VML); Excel writes the same structure.
import { a1, parseA1 } from "../../../core/address";
import type { PackageEdit } from "./opcPackage";
import { worksheetChildrenAfter } from "./worksheetOrder";
import { MAIN_NS, prefixFor, REL_NS } from "./namespaces";
import { addOverride, addRelationship, ensureDefault, freePartName } from "./packageParts";
import { element } from "./xml/xmlBuild";
import { xstringContent } from "./xml/escapeText";
import { renderDocument, type ElementChange } from "./xml/xmlRender";
import {
  childrenNamed,
  descendants,
  firstChild,
  parseXml,
  type XmlDocument,
  type XmlElement,
} from "./xml/xmlTree";

const REL_COMMENTS = `${REL_NS}/comments`;
const REL_VML = `${REL_NS}/vmlDrawing`;
const CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing";

/** The author kensho's notes carry. */
export const NOTE_AUTHOR = "kensho";

// CT_Worksheet children that come after <legacyDrawing>: it goes before the first one present.
const AFTER_LEGACY_DRAWING = worksheetChildrenAfter("legacyDrawing");

export interface ExistingNote {
  text: string;
}

function commentText(c: XmlElement): string {
  return descendants(c, "t")
    .map((t) => t.text)
    .join("");
}

/** One hidden note shape, anchored beside its cell as Excel places a new note. */
function noteShape(id: number, row: number, col: number, z: number): string {
  const anchor = `${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 3}, 15, ${row + 3}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;` +
    `margin-top:1.5pt;width:180pt;height:80pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

const SHAPE_TYPE =
  `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
  `<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

export class SheetNotes {
  private commentsPart: string | null = null;
  private vmlPart: string | null = null;
  private commentsDoc: XmlDocument | null = null;
  private vmlDoc: XmlDocument | null = null;
  private readonly existing = new Map<string, { el: XmlElement; text: string }>();
  private readonly upserts = new Map<string, string>();
  private readonly deletes = new Set<string>();

  constructor(
    private readonly pkg: PackageEdit,
    readonly sheetPart: string,
  ) {
    for (const rel of pkg.rels(sheetPart)) {
      if (rel.external || !pkg.has(rel.part)) continue;
      if (rel.type === REL_COMMENTS) this.commentsPart = rel.part;
      else if (rel.type === REL_VML) this.vmlPart = rel.part;
    }
    if (this.commentsPart) {
      this.commentsDoc = parseXml(pkg.text(this.commentsPart), this.commentsPart);
      for (const c of descendants(this.commentsDoc.root, "comment")) {
        const ref = (c.attrs.ref ?? "").toUpperCase();
        if (ref) this.existing.set(ref, { el: c, text: commentText(c) });
      }
    }
  }

  /** Every cell (A1) that carries a note. */
  addresses(): string[] {
    return [...this.existing.keys()];
  }

  /** The note on a cell (A1, top-left of a merge), or null. */
  note(address: string): ExistingNote | null {
    const e = this.existing.get(address.toUpperCase());
    return e ? { text: e.text } : null;
  }

  /** Adds a note, or rewrites the text of the one on the cell (which must be kensho's). */
  set(address: string, text: string): void {
    this.deletes.delete(address.toUpperCase());
    this.upserts.set(address.toUpperCase(), text);
  }

  remove(address: string): void {
    this.upserts.delete(address.toUpperCase());
    if (this.existing.has(address.toUpperCase())) this.deletes.add(address.toUpperCase());
  }

  get changed(): boolean {
    return this.upserts.size > 0 || this.deletes.size > 0;
  }

  private commentXml(ref: string, authorId: number, text: string, prefix: string): string {
    const q = (n: string) => (prefix ? `${prefix}:${n}` : n);
    return element(
      q("comment"),
      { ref, authorId },
      element(
        q("text"),
        {},
        element(q("r"), {}, `<${q("t")} xml:space="preserve">${xstringContent(text)}</${q("t")}>`),
      ),
    );
  }

  /**
   * Writes the comments part and the drawing into the package and returns the sheet's XML with a
   * <legacyDrawing> when it needs one. `sheetXml` is the sheet as it will be written.
   */
  apply(sheetXml: string): string {
    if (!this.changed) return sheetXml;
    let result = sheetXml;
    if (!this.commentsPart) {
      this.commentsPart = freePartName(this.pkg, (n) => `xl/comments${n}.xml`);
      this.pkg.setText(
        this.commentsPart,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors/><commentList/></comments>`,
      );
      addOverride(this.pkg, this.commentsPart, CT_COMMENTS);
      addRelationship(this.pkg, this.sheetPart, REL_COMMENTS, this.commentsPart);
      this.commentsDoc = parseXml(this.pkg.text(this.commentsPart), this.commentsPart);
    }
    const vmlIsNew = !this.vmlPart;
    if (!this.vmlPart) {
      this.vmlPart = freePartName(this.pkg, (n) => `xl/drawings/vmlDrawing${n}.vml`);
      const idmap = Number(/(\d+)\.vml$/.exec(this.vmlPart)?.[1] ?? 1);
      this.pkg.setText(
        this.vmlPart,
        `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ` +
          `xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>${SHAPE_TYPE}</xml>`,
      );
      ensureDefault(this.pkg, "vml", CT_VML);
      const rId = addRelationship(this.pkg, this.sheetPart, REL_VML, this.vmlPart);
      result = this.withLegacyDrawing(result, rId);
    }
    this.vmlDoc = parseXml(this.pkg.text(this.vmlPart), this.vmlPart);
    this.writeComments();
    this.writeDrawing(vmlIsNew);
    return result;
  }

  private writeComments(): void {
    const doc = this.commentsDoc!;
    const root = doc.root;
    const prefix = root.prefix;
    const authors = firstChild(root, "authors");
    const list = firstChild(root, "commentList");
    if (!authors || !list) throw new Error(`${this.commentsPart}: no authors or commentList`);
    const names = childrenNamed(authors, "author").map((a) => a.text);
    let authorId = names.indexOf(NOTE_AUTHOR);
    const changes = new Map<XmlElement, ElementChange>();
    if (authorId < 0) {
      authorId = names.length;
      const q = prefix ? `${prefix}:author` : "author";
      changes.set(authors, { append: `<${q}>${NOTE_AUTHOR}</${q}>` });
    }
    let appended = "";
    for (const [ref, text] of this.upserts) {
      const old = this.existing.get(ref);
      if (old)
        changes.set(old.el, {
          replaceWith: this.commentXml(ref, Number(old.el.attrs.authorId ?? authorId), text, prefix),
        });
      else appended += this.commentXml(ref, authorId, text, prefix);
    }
    for (const ref of this.deletes) {
      const old = this.existing.get(ref);
      if (old) changes.set(old.el, { replaceWith: "" });
    }
    if (appended) changes.set(list, { ...(changes.get(list) ?? {}), append: appended });
    this.pkg.setText(
      this.commentsPart!,
      renderDocument(doc, (el) => changes.get(el)),
    );
  }

  private writeDrawing(isNew: boolean): void {
    const doc = this.vmlDoc!;
    const root = doc.root;
    const changes = new Map<XmlElement, ElementChange>();
    const noteShapes = new Map<string, XmlElement>();
    let maxId = 0;
    for (const shape of descendants(root, "shape")) {
      const m = /_x0000_s(\d+)$/.exec(shape.attrs.id ?? "");
      if (m) maxId = Math.max(maxId, Number(m[1]));
      const data = firstChild(shape, "ClientData");
      if (data?.attrs.ObjectType !== "Note") continue;
      const row = Number(firstChild(data, "Row")?.text ?? NaN);
      const col = Number(firstChild(data, "Column")?.text ?? NaN);
      if (Number.isInteger(row) && Number.isInteger(col)) noteShapes.set(a1(row, col), shape);
    }
    if (maxId === 0) {
      const idmap = Number(descendants(root, "idmap")[0]?.attrs.data?.split(",")[0] ?? 1) || 1;
      maxId = idmap * 1024;
    }
    let added =
      isNew || descendants(root, "shapetype").some((s) => s.attrs.id === "_x0000_t202") ? "" : SHAPE_TYPE;
    let z = noteShapes.size;
    for (const ref of this.upserts.keys()) {
      if (noteShapes.has(ref)) continue;
      const pos = parseA1(ref);
      if (!pos) continue;
      added += noteShape(++maxId, pos.row, pos.col, ++z);
    }
    for (const ref of this.deletes) {
      const shape = noteShapes.get(ref);
      if (shape) changes.set(shape, { replaceWith: "" });
    }
    if (added) changes.set(root, { append: added });
    this.pkg.setText(
      this.vmlPart!,
      renderDocument(doc, (el) => changes.get(el)),
    );
  }

  /** The sheet's XML with <legacyDrawing r:id="…"/> in its schema place. */
  private withLegacyDrawing(sheetXml: string, rId: string): string {
    const doc = parseXml(sheetXml, this.sheetPart);
    const root = doc.root;
    const relPrefix = prefixFor(root, REL_NS);
    const name = root.prefix ? `${root.prefix}:legacyDrawing` : "legacyDrawing";
    const xml = relPrefix
      ? element(name, { [`${relPrefix}:id`]: rId })
      : element(name, { "xmlns:r": REL_NS, "r:id": rId });
    const next = root.children.find((c) => AFTER_LEGACY_DRAWING.includes(c.local));
    const change: ElementChange = next ? { before: xml } : { append: xml };
    return renderDocument(doc, (el) => (el === (next ?? root) ? change : undefined));
  }
}
