// Edits to one worksheet part: cell values and styles in sheetData, inserted rows (with every
// reference on the sheet moved), and sheet protection. Everything else in the part is copied as
// written: data validation, conditional formats, print settings, header and footer, merges,
// column widths, hidden rows, extensions.
import { a1, columnLetters, parseA1 } from "../../../core/address";
import { sheetProtectionXml, type ProtectionHash } from "./protection";
import { shiftArea, shiftFormula, shiftRow, type Insertions } from "./refShift";
import { element, escapeText, qname } from "./xml/xmlBuild";
import { xstringContent } from "./xml/escapeText";
import { decodeXString } from "../package/xml";
import { renderDocument, type ElementChange } from "./xml/xmlRender";
import {
  childrenNamed,
  firstChild,
  innerXml,
  parseXml,
  type XmlDocument,
  type XmlElement,
} from "./xml/xmlTree";
import { WORKSHEET_ORDER } from "./worksheetOrder";
import { shiftSheetReferences } from "./sheetReferences";

/** What to put in a cell. `copy` takes another cell's value as stored (never its formula). */
export type CellInput =
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "blank" }
  | { kind: "copy"; row: number; col: number };

export interface CellEdit {
  value?: CellInput;
  /** cellXfs index; omitted keeps the cell's own. */
  style?: number;
}

/** A formula cell would lose its formula, and the caller did not say it means that. */
export class FormulaCellError extends Error {
  constructor(
    readonly sheet: string,
    readonly address: string,
  ) {
    super(`${sheet}!${address} holds a formula`);
    this.name = "FormulaCellError";
  }
}

/** Where the patch needs the workbook: shared strings and the sheet's name for formulas. */
export interface SheetContext {
  sharedStringIndex(text: string): number | null;
}

interface RowIndex {
  el: XmlElement;
  cells: Map<number, XmlElement>;
}

interface Insertion {
  after: number;
  cells: Map<number, CellEdit>;
}

export class SheetPatch {
  private docCache: XmlDocument | null = null;
  private rowIndex: Map<number, RowIndex> | null = null;
  private readonly edits = new Map<number, Map<number, CellEdit>>();
  private readonly insertions: Insertion[] = [];
  private readonly rowStyles = new Map<number, number>();
  private readonly colStyles = new Map<XmlElement, number>();
  private protection: { hash: ProtectionHash | null } | null = null;
  private dropProtectedRanges = false;
  private readonly formulasAllowed = new Set<string>();
  /** A1 addresses (original coordinates) of formula cells whose formula this patch removes. */
  readonly removedFormulas: string[] = [];

  constructor(
    readonly name: string,
    readonly part: string,
    private readonly source: () => string,
    private readonly ctx: SheetContext,
  ) {}

  get doc(): XmlDocument {
    return (this.docCache ??= parseXml(this.source(), this.part));
  }

  private get sheetData(): XmlElement | undefined {
    return firstChild(this.doc.root, "sheetData");
  }

  private rows(): Map<number, RowIndex> {
    if (this.rowIndex) return this.rowIndex;
    const map = new Map<number, RowIndex>();
    let nextRow = 0;
    for (const rowEl of childrenNamed(this.sheetData ?? this.doc.root, "row")) {
      const r = rowEl.attrs.r ? Number(rowEl.attrs.r) - 1 : nextRow;
      nextRow = r + 1;
      const cells = new Map<number, XmlElement>();
      let nextCol = 0;
      for (const c of childrenNamed(rowEl, "c")) {
        const col = c.attrs.r ? (parseA1(c.attrs.r)?.col ?? nextCol) : nextCol;
        nextCol = col + 1;
        cells.set(col, c);
      }
      map.set(r, { el: rowEl, cells });
    }
    return (this.rowIndex = map);
  }

  /** The cell element at a position, if the part has one. */
  cellElement(row: number, col: number): XmlElement | undefined {
    return this.rows().get(row)?.cells.get(col);
  }

  /** The style index a cell shows: its own, else its row's, else its column's, else 0. */
  cellStyle(row: number, col: number): number {
    const c = this.cellElement(row, col);
    if (c?.attrs.s !== undefined) return Number(c.attrs.s);
    if (c) return 0;
    const r = this.rows().get(row)?.el;
    if (
      r &&
      r.attrs.customFormat &&
      r.attrs.customFormat !== "0" &&
      r.attrs.customFormat !== "false" &&
      r.attrs.s
    )
      return Number(r.attrs.s);
    for (const colEl of this.colElements())
      if (Number(colEl.attrs.min) - 1 <= col && col <= Number(colEl.attrs.max) - 1)
        return Number(colEl.attrs.style ?? 0);
    return 0;
  }

  hasFormula(row: number, col: number): boolean {
    const c = this.cellElement(row, col);
    return c ? firstChild(c, "f") !== undefined : false;
  }

  /** Every <c> element with its 0-based position (original coordinates). */
  *cells(): Generator<{ row: number; col: number; el: XmlElement }> {
    for (const [row, r] of this.rows()) for (const [col, el] of r.cells) yield { row, col, el };
  }

  /** Rows that carry a style for their empty cells (customFormat). */
  *styledRows(): Generator<{ row: number; style: number }> {
    for (const [row, r] of this.rows()) {
      const cf = r.el.attrs.customFormat;
      if (cf && cf !== "0" && cf !== "false" && r.el.attrs.s !== undefined)
        yield { row, style: Number(r.el.attrs.s) };
    }
  }

  colElements(): XmlElement[] {
    const cols = firstChild(this.doc.root, "cols");
    return cols ? childrenNamed(cols, "col") : [];
  }

  private edit(row: number, col: number): CellEdit {
    let rowEdits = this.edits.get(row);
    if (!rowEdits) this.edits.set(row, (rowEdits = new Map()));
    let e = rowEdits.get(col);
    if (!e) rowEdits.set(col, (e = {}));
    return e;
  }

  /**
   * Sets a cell's value, keeping its style. A formula cell is only overwritten when `replaceFormula`
   * says so; the workbook then drops it from calcChain.
   */
  setValue(row: number, col: number, value: CellInput, opts: { replaceFormula?: boolean } = {}): void {
    if (this.hasFormula(row, col)) {
      if (!opts.replaceFormula) throw new FormulaCellError(this.name, a1(row, col));
      this.formulasAllowed.add(a1(row, col));
    }
    this.edit(row, col).value = value;
  }

  setStyle(row: number, col: number, style: number): void {
    this.edit(row, col).style = style;
  }

  setRowStyle(row: number, style: number): void {
    this.rowStyles.set(row, style);
  }

  setColumnStyle(colEl: XmlElement, style: number): void {
    this.colStyles.set(colEl, style);
  }

  /** Inserts a row after `after` (original 0-based index), formatted like it, holding `cells`. */
  insertRowAfter(after: number, cells: Map<number, CellEdit>): void {
    this.insertions.push({ after, cells });
    this.insertions.sort((a, b) => a.after - b.after);
  }

  /** The row an original row ends up at after the insertions. */
  finalRow(row: number): number {
    return shiftRow(row, this.insertionPoints());
  }

  /** Final 0-based row of the k-th insertion made after `after`. */
  insertedRowIndex(after: number, k = 0): number {
    return shiftRow(after, this.insertionPoints()) + 1 + k;
  }

  private insertionPoints(): Insertions {
    return this.insertions.map((i) => i.after);
  }

  /** Protects the sheet (with a password hash, or none). */
  protect(hash: ProtectionHash | null): void {
    this.protection = { hash };
  }

  /**
   * Removes the sheet's allow-edit ranges ("Allow Users to Edit Ranges", <protectedRanges>): on a
   * protected sheet they open their cells to anyone (with no password, or one the master set).
   * Returns what was there.
   */
  removeProtectedRanges(): Array<{ name: string; sqref: string }> {
    const ranges = firstChild(this.doc.root, "protectedRanges");
    if (!ranges) return [];
    this.dropProtectedRanges = true;
    return childrenNamed(ranges, "protectedRange").map((r) => ({
      name: r.attrs.name ?? "",
      sqref: r.attrs.sqref ?? "",
    }));
  }

  get changed(): boolean {
    return (
      this.dropProtectedRanges ||
      this.edits.size > 0 ||
      this.insertions.length > 0 ||
      this.protection !== null ||
      this.rowStyles.size > 0 ||
      this.colStyles.size > 0
    );
  }

  // ------------------------------------------------------------------------------------------
  // Rendering

  private cellValueXml(input: CellInput, prefix: string): { t?: string; inner: string } {
    switch (input.kind) {
      case "number":
        if (!Number.isFinite(input.value)) throw new Error(`not a finite number: ${input.value}`);
        return { inner: `<${qname(prefix, "v")}>${String(input.value)}</${qname(prefix, "v")}>` };
      case "blank":
        return { inner: "" };
      case "text": {
        const idx = this.ctx.sharedStringIndex(input.value);
        if (idx !== null) return { t: "s", inner: `<${qname(prefix, "v")}>${idx}</${qname(prefix, "v")}>` };
        const space = /^\s|\s$|\n/.test(input.value) ? ' xml:space="preserve"' : "";
        return {
          t: "inlineStr",
          inner: `<${qname(prefix, "is")}><${qname(prefix, "t")}${space}>${xstringContent(input.value)}</${qname(prefix, "t")}></${qname(prefix, "is")}>`,
        };
      }
      case "copy": {
        const src = this.cellElement(input.row, input.col);
        if (!src) return { inner: "" };
        const t = src.attrs.t;
        const v = firstChild(src, "v");
        const is = firstChild(src, "is");
        if (t === "inlineStr" && is) return { t, inner: this.doc.source.slice(is.start, is.end) };
        if (!v) return { inner: "" };
        // A formula's cached string ("str") stands alone as an inline string.
        if (t === "str") return this.cellValueXml({ kind: "text", value: decodeXString(v.text) }, prefix);
        return { t, inner: this.doc.source.slice(v.start, v.end) };
      }
    }
  }

  /** A whole <c> for an edited or new cell. */
  private cellXml(
    row: number,
    col: number,
    original: XmlElement | undefined,
    edit: CellEdit,
    prefix: string,
    ins: Insertions,
  ): string {
    const name = original?.name ?? qname(prefix, "c");
    const attrs: Record<string, string | undefined> = { ...(original?.attrs ?? {}) };
    attrs.r = a1(row, col);
    if (edit.style !== undefined)
      attrs.s = edit.style === 0 && original?.attrs.s === undefined ? undefined : String(edit.style);
    else if (!original) {
      const inherited = this.cellStyle(row, col);
      attrs.s = inherited === 0 ? undefined : String(inherited);
    }
    if (!edit.value) {
      // Style only: keep the value (and formula) as written.
      const inner = original ? this.shiftedInner(original, ins) : "";
      return element(name, attrs, inner);
    }
    const { t, inner } = this.cellValueXml(edit.value, prefix);
    attrs.t = t;
    if (original) {
      // Keep what is not the value (cell metadata, extensions).
      const kept = original.children.filter((c) => !["f", "v", "is"].includes(c.local));
      const extra = kept.map((c) => this.doc.source.slice(c.start, c.end)).join("");
      return element(name, attrs, inner + extra);
    }
    return element(name, attrs, inner);
  }

  /** A cell's content with its formula's references moved for inserted rows. */
  private shiftedInner(cell: XmlElement, ins: Insertions): string {
    if (ins.length === 0) return innerXml(this.doc, cell);
    const f = firstChild(cell, "f");
    if (!f) return innerXml(this.doc, cell);
    const src = this.doc.source;
    const fAttrs: Record<string, string> = { ...f.attrs };
    if (fAttrs.ref) fAttrs.ref = shiftArea(fAttrs.ref, ins, false);
    const fXml = element(f.name, fAttrs, escapeText(shiftFormula(f.text, this.name, this.name, ins)));
    return src.slice(cell.openEnd, f.start) + fXml + src.slice(f.end, cell.closeStart);
  }

  /** The new part text, or null when nothing changed. */
  render(): string | null {
    if (!this.changed) return null;
    const doc = this.doc;
    const root = doc.root;
    const prefix = root.prefix;
    const ins = this.insertionPoints();
    const changes = new Map<XmlElement, ElementChange>();
    const sheetData = this.sheetData;
    if (!sheetData) throw new Error(`${this.part}: no sheetData`);

    // Rows and cells.
    const rows = this.rows();
    const newRows = new Map<number, Map<number, CellEdit>>(); // final index -> cells
    for (const [row, cellEdits] of this.edits) if (!rows.has(row)) newRows.set(shiftRow(row, ins), cellEdits);
    for (const [k, insertion] of this.insertions.entries()) {
      const earlier = this.insertions.slice(0, k).filter((i) => i.after === insertion.after).length;
      newRows.set(shiftRow(insertion.after, ins) + 1 + earlier, insertion.cells);
    }
    const anchorOfInsert = new Map<number, number>();
    for (const [k, insertion] of this.insertions.entries()) {
      const earlier = this.insertions.slice(0, k).filter((i) => i.after === insertion.after).length;
      anchorOfInsert.set(shiftRow(insertion.after, ins) + 1 + earlier, insertion.after);
    }
    const newRowXml = (finalRow: number, cells: Map<number, CellEdit>): string => {
      const anchor = anchorOfInsert.get(finalRow);
      const anchorRow = anchor !== undefined ? rows.get(anchor) : undefined;
      const attrs: Record<string, string | undefined> = anchorRow ? { ...anchorRow.el.attrs } : {};
      attrs.r = String(finalRow + 1);
      const cols = new Set<number>(cells.keys());
      if (anchorRow) for (const c of anchorRow.cells.keys()) cols.add(c);
      let inner = "";
      for (const col of [...cols].sort((a, b) => a - b)) {
        const e = cells.get(col) ?? {};
        const style = e.style ?? (anchor !== undefined ? this.cellStyle(anchor, col) : undefined);
        inner += this.cellXml(
          finalRow,
          col,
          undefined,
          { ...e, style, value: e.value ?? { kind: "blank" } },
          prefix,
          ins,
        );
      }
      return element(anchorRow?.el.name ?? qname(prefix, "row"), attrs, inner);
    };
    const pending = [...newRows.entries()].sort((a, b) => a[0] - b[0]);
    let p = 0;
    for (const [row, r] of [...rows.entries()].sort((a, b) => a[0] - b[0])) {
      const finalRow = shiftRow(row, ins);
      let before = "";
      while (p < pending.length && pending[p][0] < finalRow)
        before += newRowXml(pending[p][0], pending[p++][1]);
      const cellEdits = this.edits.get(row);
      const rowStyle = this.rowStyles.get(row);
      const moved = finalRow !== row;
      if (!cellEdits && !moved && rowStyle === undefined) {
        if (before) changes.set(r.el, { before });
        continue;
      }
      const change: ElementChange = { before };
      const attrs: Record<string, string | null> = {};
      if (moved) attrs.r = String(finalRow + 1);
      if (rowStyle !== undefined) attrs.s = String(rowStyle);
      change.attrs = attrs;
      changes.set(r.el, change);
      const added = new Map(cellEdits ?? []);
      for (const [col, cellEl] of r.cells) {
        const e = added.get(col);
        added.delete(col);
        if (!e && !moved) continue;
        const before = [...added.entries()].filter(([c]) => c < col).sort((a, b) => a[0] - b[0]);
        let beforeXml = "";
        for (const [c, ce] of before) {
          beforeXml += this.cellXml(
            finalRow,
            c,
            undefined,
            { ...ce, value: ce.value ?? { kind: "blank" } },
            prefix,
            ins,
          );
          added.delete(c);
        }
        const xml = this.cellXml(finalRow, col, cellEl, e ?? {}, prefix, ins);
        if (e?.value && firstChild(cellEl, "f")) {
          if (!this.formulasAllowed.has(a1(row, col))) throw new FormulaCellError(this.name, a1(row, col));
          this.removedFormulas.push(a1(row, col));
        }
        changes.set(cellEl, { before: beforeXml, replaceWith: xml });
      }
      let tail = "";
      for (const [c, ce] of [...added.entries()].sort((a, b) => a[0] - b[0]))
        tail += this.cellXml(
          finalRow,
          c,
          undefined,
          { ...ce, value: ce.value ?? { kind: "blank" } },
          prefix,
          ins,
        );
      if (tail) change.append = tail;
    }
    let rest = "";
    while (p < pending.length) rest += newRowXml(pending[p][0], pending[p++][1]);
    if (rest) changes.set(sheetData, { ...(changes.get(sheetData) ?? {}), append: rest });

    for (const [colEl, style] of this.colStyles) changes.set(colEl, { attrs: { style: String(style) } });

    if (ins.length > 0) shiftSheetReferences(doc.root, this.name, ins, changes);
    this.placeProtection(changes, prefix);
    const ranges = firstChild(root, "protectedRanges");
    if (this.dropProtectedRanges && ranges) changes.set(ranges, { replaceWith: "" });

    return renderDocument(doc, (el) => changes.get(el));
  }

  private placeProtection(changes: Map<XmlElement, ElementChange>, prefix: string): void {
    if (!this.protection) return;
    const root = this.doc.root;
    const xml = sheetProtectionXml(qname(prefix, "sheetProtection"), this.protection.hash);
    const existing = firstChild(root, "sheetProtection");
    if (existing) {
      changes.set(existing, { replaceWith: xml });
      return;
    }
    const at = WORKSHEET_ORDER.indexOf("sheetProtection");
    let anchor: XmlElement | undefined;
    for (const child of root.children) {
      const pos = WORKSHEET_ORDER.indexOf(child.local);
      if (pos !== -1 && pos < at) anchor = child;
    }
    if (!anchor) throw new Error(`${this.part}: no place for sheetProtection`);
    const prev = changes.get(anchor) ?? {};
    changes.set(anchor, { ...prev, after: (prev.after ?? "") + xml });
  }
}

export { columnLetters };
