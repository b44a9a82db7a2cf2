// Rows inserted into a worksheet move every reference the part holds besides its cells: the used
// range, merged areas (a one-row merge on the anchor row is repeated on each new row), conditional
// formats, data validation, protected ranges, their formulas (Excel 2010 extensions included),
// hyperlinks, the auto filter and page breaks.
import {
  areaRows,
  areaText,
  shiftArea,
  shiftFormula,
  shiftRow,
  shiftSqref,
  type Insertions,
} from "./refShift";
import { element } from "./xml/xmlBuild";
import type { ElementChange } from "./xml/xmlRender";
import { childrenNamed, descendants, firstChild, type XmlElement } from "./xml/xmlTree";

/** Records in `changes` how each reference in the worksheet `root` moves for the inserted rows. */
export function shiftSheetReferences(
  root: XmlElement,
  sheet: string,
  ins: Insertions,
  changes: Map<XmlElement, ElementChange>,
): void {
  const dim = firstChild(root, "dimension");
  if (dim?.attrs.ref) {
    const area = areaRows(
      dim.attrs.ref.split(":").length === 1 ? `${dim.attrs.ref}:${dim.attrs.ref}` : dim.attrs.ref,
    );
    const maxInsert = Math.max(...ins.map((a) => shiftRow(a, ins) + 1));
    if (area) {
      const bottom = Math.max(shiftRow(area.bottom, ins), maxInsert);
      changes.set(dim, {
        attrs: { ref: areaText(area.left, shiftRow(area.top, ins), area.right, bottom) },
      });
    }
  }
  const merges = firstChild(root, "mergeCells");
  if (merges) {
    let added = "";
    let count = 0;
    for (const m of childrenNamed(merges, "mergeCell")) {
      count++;
      const ref = m.attrs.ref ?? "";
      const area = areaRows(ref);
      if (!area) continue;
      // A merge across columns on the anchor row is repeated on the new row; a merge down grows.
      if (area.top === area.bottom && ins.includes(area.top)) {
        for (const [k] of ins.filter((a) => a === area.top).entries()) {
          const row = shiftRow(area.top, ins) + 1 + k;
          added += element(m.name, { ref: areaText(area.left, row, area.right, row) });
          count++;
        }
      }
      const shifted = shiftArea(ref, ins, area.top !== area.bottom);
      if (shifted !== ref) changes.set(m, { attrs: { ref: shifted } });
    }
    if (added) changes.set(merges, { append: added, attrs: { count: String(count) } });
  }
  for (const local of ["conditionalFormatting", "dataValidation", "protectedRange"]) {
    for (const el of descendants(root, local)) {
      if (el.attrs.sqref) changes.set(el, { attrs: { sqref: shiftSqref(el.attrs.sqref, ins) } });
    }
  }
  for (const local of ["formula", "formula1", "formula2"]) {
    for (const el of descendants(root, local)) {
      if (el.children.length === 0 && el.text)
        changes.set(el, { text: shiftFormula(el.text, sheet, sheet, ins) });
    }
  }
  // Excel 2010 extensions keep ranges as element text (<xm:sqref>, <xm:f>).
  for (const el of descendants(root, "sqref")) changes.set(el, { text: shiftSqref(el.text, ins) });
  for (const el of descendants(root, "f")) {
    if (el.parent?.local !== "c" && el.children.length === 0 && el.text)
      changes.set(el, { text: shiftFormula(el.text, sheet, sheet, ins) });
  }
  for (const el of descendants(root, "hyperlink"))
    if (el.attrs.ref) changes.set(el, { attrs: { ref: shiftArea(el.attrs.ref, ins) } });
  const af = firstChild(root, "autoFilter");
  if (af?.attrs.ref) changes.set(af, { attrs: { ref: shiftArea(af.attrs.ref, ins) } });
  const breaks = firstChild(root, "rowBreaks");
  if (breaks)
    for (const b of childrenNamed(breaks, "brk"))
      if (b.attrs.id) changes.set(b, { attrs: { id: String(shiftRow(Number(b.attrs.id), ins)) } });
}
