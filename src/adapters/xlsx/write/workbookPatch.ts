// One workbook open for surgical editing: the sheets by name, styles, shared strings, calcChain,
// defined names, content types and a new sheet when one is added. `write()` renders only the parts
// an edit touched and copies every other entry of the package as its original bytes.
import { PackageEdit, relsPartOf } from "./opcPackage";
import { SheetPatch } from "./sheetPatch";
import { MAIN_NS, prefixFor, REL_NS } from "./namespaces";
import { StylesPatch } from "./stylesPatch";
import { shiftFormula, shiftRow } from "./refShift";
import { parseA1, a1 } from "../../../core/address";
import { attrsXml, element } from "./xml/xmlBuild";
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

const REL_OFFICE_DOCUMENT =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const REL_WORKSHEET = `${REL_NS}/worksheet`;
const REL_STYLES = `${REL_NS}/styles`;
const REL_SHARED_STRINGS = `${REL_NS}/sharedStrings`;
const REL_CALC_CHAIN = `${REL_NS}/calcChain`;
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

export interface SheetInfo {
  name: string;
  sheetId: number;
  relId: string;
  part: string;
}

export class WorkbookPatch {
  readonly workbookPart: string;
  private readonly sheetList: SheetInfo[];
  private readonly patches = new Map<string, SheetPatch>();
  private stylesPatch: StylesPatch | null = null;
  private sstIndex: Map<string, number> | null = null;
  private readonly newSheets: Array<{ name: string; part: string; xml: string }> = [];
  private wbDoc: XmlDocument;

  private constructor(readonly pkg: PackageEdit) {
    const main = pkg.rels("").find((r) => r.type === REL_OFFICE_DOCUMENT);
    if (!main || !pkg.has(main.part)) throw new Error("no workbook part");
    this.workbookPart = main.part;
    this.wbDoc = parseXml(pkg.text(main.part), main.part);
    const rels = pkg.rels(main.part);
    const sheets = firstChild(this.wbDoc.root, "sheets");
    this.sheetList = [];
    for (const s of sheets ? childrenNamed(sheets, "sheet") : []) {
      const idAttr = Object.keys(s.attrs).find((k) => k === "r:id" || k.endsWith(":id"));
      const rel = rels.find((r) => r.id === (idAttr ? s.attrs[idAttr] : ""));
      if (!rel || rel.type !== REL_WORKSHEET) continue; // chart sheets and the like are left alone
      this.sheetList.push({
        name: s.attrs.name ?? "",
        sheetId: Number(s.attrs.sheetId),
        relId: rel.id,
        part: rel.part,
      });
    }
  }

  /** Opens a workbook from its bytes. Throws PackageError or XmlPartError when it cannot be read. */
  static open(bytes: Uint8Array): WorkbookPatch {
    return new WorkbookPatch(PackageEdit.open(bytes));
  }

  sheets(): readonly SheetInfo[] {
    return this.sheetList;
  }

  /** The patch of a worksheet, by its name. */
  sheet(name: string): SheetPatch {
    let p = this.patches.get(name);
    if (p) return p;
    const info = this.sheetList.find((s) => s.name === name);
    if (!info) throw new Error(`no worksheet ${name}`);
    p = new SheetPatch(name, info.part, () => this.pkg.text(info.part), {
      sharedStringIndex: (t) => this.sharedStringIndex(t),
    });
    this.patches.set(name, p);
    return p;
  }

  get styles(): StylesPatch {
    if (this.stylesPatch) return this.stylesPatch;
    const rel = this.pkg.rels(this.workbookPart).find((r) => r.type === REL_STYLES);
    if (!rel) throw new Error("no styles part");
    return (this.stylesPatch = new StylesPatch(rel.part, () => this.pkg.text(rel.part)));
  }

  /** The index of a plain shared string equal to `text`, so a value reuses it; null when none. */
  sharedStringIndex(text: string): number | null {
    if (!this.sstIndex) {
      this.sstIndex = new Map();
      const rel = this.pkg.rels(this.workbookPart).find((r) => r.type === REL_SHARED_STRINGS);
      if (rel && this.pkg.has(rel.part)) {
        const doc = parseXml(this.pkg.text(rel.part), rel.part);
        childrenNamed(doc.root, "si").forEach((si, i) => {
          const t = si.children.length === 1 && si.children[0].local === "t" ? si.children[0] : null;
          // Only plain strings with nothing Excel would escape are reused.
          if (t && !/_x[0-9A-Fa-f]{4}_/.test(t.text) && !this.sstIndex!.has(t.text))
            this.sstIndex!.set(t.text, i);
        });
      }
    }
    return this.sstIndex.get(text) ?? null;
  }

  /**
   * Whether inserting a row after `row` (0-based) would leave something tied to rows in the wrong
   * place: a picture or shape anchored below it (drawings are copied byte for byte, never moved),
   * a table, or comments. Pictures above it (a logo in the title) do not matter.
   */
  insertionBlocked(sheetName: string, row: number): boolean {
    const info = this.sheetList.find((s) => s.name === sheetName);
    if (!info) return true;
    const root = this.sheet(sheetName).doc.root;
    if (firstChild(root, "tableParts") || firstChild(root, "legacyDrawing")) return true;
    for (const rel of this.pkg.rels(info.part)) {
      if (!rel.type.endsWith("/drawing") || !this.pkg.has(rel.part)) continue;
      const drawing = parseXml(this.pkg.text(rel.part), rel.part);
      for (const from of descendants(drawing.root, "from")) {
        const r = firstChild(from, "row");
        if (r && Number(r.text) > row) return true;
      }
    }
    return false;
  }

  /** Adds a worksheet of plain values (text as inline strings) at the end of the workbook. */
  addSheet(name: string, rows: Array<Array<string | number | null>>, widths: number[] = []): void {
    let n = this.sheetList.length + this.newSheets.length + 1;
    while (this.pkg.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    let data = "";
    rows.forEach((row, r) => {
      let cells = "";
      row.forEach((v, c) => {
        if (v === null || v === "") return;
        const ref = a1(r, c);
        if (typeof v === "number") cells += `<c r="${ref}"><v>${v}</v></c>`;
        else {
          const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : "";
          cells += `<c r="${ref}" t="inlineStr"><is><t${space}>${xstringContent(v)}</t></is></c>`;
        }
      });
      data += `<row r="${r + 1}">${cells}</row>`;
    });
    const cols = widths.length
      ? `<cols>${widths.map((w, i) => element("col", { min: i + 1, max: i + 1, width: w, customWidth: 1 })).join("")}</cols>`
      : "";
    const xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet${attrsXml({ xmlns: MAIN_NS, "xmlns:r": REL_NS })}><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="18"/>${cols}<sheetData>${data}</sheetData>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
    this.newSheets.push({ name, part, xml });
  }

  /** Changes nothing yet: every edit is rendered here. Returns the new package and what changed. */
  write(): { bytes: Uint8Array; changedParts: string[] } {
    const removedFormulas = new Map<number, Set<string>>();
    const insertions = new Map<string, number[]>();
    for (const [name, patch] of this.patches) {
      const xml = patch.render();
      if (xml === null) continue;
      this.pkg.setText(patch.part, xml);
      const info = this.sheetList.find((s) => s.name === name)!;
      if (patch.removedFormulas.length) removedFormulas.set(info.sheetId, new Set(patch.removedFormulas));
      const ins = this.insertionsOf(patch);
      if (ins.length) insertions.set(name, ins);
    }
    const styles = this.stylesPatch?.render();
    if (styles) this.pkg.setText(this.stylesPatch!.part, styles);
    this.writeCalcChain(removedFormulas, insertions);
    this.writeWorkbook(insertions);
    return { bytes: this.pkg.write(), changedParts: this.pkg.changedParts() };
  }

  private insertionsOf(patch: SheetPatch): number[] {
    return (patch as unknown as { insertions: Array<{ after: number }> }).insertions.map((i) => i.after);
  }

  private writeWorkbook(insertions: Map<string, number[]>): void {
    const changes = new Map<XmlElement, ElementChange>();
    const root = this.wbDoc.root;
    const definedNames = firstChild(root, "definedNames");
    if (definedNames && insertions.size) {
      for (const dn of childrenNamed(definedNames, "definedName")) {
        let text = dn.text;
        for (const [sheet, ins] of insertions) text = shiftFormula(text, sheet, null, ins, true);
        if (text !== dn.text) changes.set(dn, { text });
      }
    }
    if (this.newSheets.length) {
      const sheets = firstChild(root, "sheets")!;
      const relPrefix = prefixFor(root, REL_NS) ?? "r";
      const declare = relPrefix === "r" && !root.attrs["xmlns:r"];
      let maxId = Math.max(0, ...childrenNamed(sheets, "sheet").map((s) => Number(s.attrs.sheetId) || 0));
      const relsPart = relsPartOf(this.workbookPart);
      const relsDoc = parseXml(this.pkg.text(relsPart), relsPart);
      const usedIds = new Set(childrenNamed(relsDoc.root, "Relationship").map((r) => r.attrs.Id));
      let relsXml = "";
      let sheetsXml = "";
      let ctXml = "";
      const sheetName = sheets.children[0]?.name ?? "sheet";
      for (const s of this.newSheets) {
        let k = usedIds.size + 1;
        while (usedIds.has(`rId${k}`)) k++;
        const id = `rId${k}`;
        usedIds.add(id);
        const target =
          s.part.startsWith("xl/") && this.workbookPart.startsWith("xl/") ? s.part.slice(3) : `/${s.part}`;
        relsXml += element("Relationship", { Id: id, Type: REL_WORKSHEET, Target: target });
        sheetsXml += `<${sheetName}${attrsXml({ name: s.name, sheetId: ++maxId, [`${relPrefix}:id`]: id })}${declare ? ` xmlns:r="${REL_NS}"` : ""}/>`;
        ctXml += element("Override", { PartName: `/${s.part}`, ContentType: CT_WORKSHEET });
        this.pkg.setText(s.part, s.xml);
      }
      changes.set(sheets, { append: sheetsXml });
      this.pkg.setText(
        relsPart,
        renderDocument(relsDoc, (el) => (el === relsDoc.root ? { append: relsXml } : undefined)),
      );
      const ctDoc = parseXml(this.pkg.text("[Content_Types].xml"), "[Content_Types].xml");
      this.pkg.setText(
        "[Content_Types].xml",
        renderDocument(ctDoc, (el) => (el === ctDoc.root ? { append: ctXml } : undefined)),
      );
    }
    if (changes.size)
      this.pkg.setText(
        this.workbookPart,
        renderDocument(this.wbDoc, (el) => changes.get(el)),
      );
  }

  private writeCalcChain(removed: Map<number, Set<string>>, insertions: Map<string, number[]>): void {
    if (removed.size === 0 && insertions.size === 0) return;
    const rel = this.pkg.rels(this.workbookPart).find((r) => r.type === REL_CALC_CHAIN);
    if (!rel || !this.pkg.has(rel.part)) return;
    const doc = parseXml(this.pkg.text(rel.part), rel.part);
    const insById = new Map<number, number[]>();
    for (const [name, ins] of insertions) {
      const info = this.sheetList.find((s) => s.name === name);
      if (info) insById.set(info.sheetId, ins);
    }
    // `i` (the sheet) carries over to the following entries when omitted: write it on every entry kept.
    let current = 0;
    let keptCount = 0;
    let changed = false;
    const changes = new Map<XmlElement, ElementChange>();
    for (const c of childrenNamed(doc.root, "c")) {
      if (c.attrs.i !== undefined) current = Number(c.attrs.i);
      const ref = c.attrs.r ?? "";
      if (removed.get(current)?.has(ref)) {
        changes.set(c, { replaceWith: "" });
        changed = true;
        continue;
      }
      keptCount++;
      const ins = insById.get(current);
      const pos = parseA1(ref);
      const attrs: Record<string, string> = { i: String(current) };
      if (ins && pos) {
        const moved = a1(shiftRow(pos.row, ins), pos.col);
        if (moved !== ref) changed = true;
        attrs.r = moved;
      }
      changes.set(c, { attrs });
    }
    if (!changed) return;
    if (keptCount === 0) {
      // An empty calcChain is not valid: the part goes, with its relationship and content type.
      this.pkg.remove(rel.part);
      const relsPart = relsPartOf(this.workbookPart);
      const relsDoc = parseXml(this.pkg.text(relsPart), relsPart);
      this.pkg.setText(
        relsPart,
        renderDocument(relsDoc, (el) =>
          el.local === "Relationship" && el.attrs.Id === rel.id ? { replaceWith: "" } : undefined,
        ),
      );
      const ctDoc = parseXml(this.pkg.text("[Content_Types].xml"), "[Content_Types].xml");
      this.pkg.setText(
        "[Content_Types].xml",
        renderDocument(ctDoc, (el) =>
          el.local === "Override" && el.attrs.PartName === `/${rel.part}` ? { replaceWith: "" } : undefined,
        ),
      );
      return;
    }
    this.pkg.setText(
      rel.part,
      renderDocument(doc, (el) => changes.get(el)),
    );
  }
}
