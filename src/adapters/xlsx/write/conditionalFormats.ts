// kensho's marks in a worksheet part (docs/flag-record.md): each one a <conditionalFormatting> of
// one cell holding one <cfRule type="expression"> whose formula carries kensho's marker, with a
// dxf (differential format) of the finding's colour in styles.xml. ECMA-376 Part 1, 18.3.1.18
// (conditionalFormatting), 18.3.1.10 (cfRule: type, dxfId, priority, stopIfTrue; "The priority of
// this conditional formatting rule. This value is used to determine which format should be evaluated
// and rendered. Lower numeric values are higher priority than higher numeric values, where '1' is the
// highest priority"), 18.8.17 (dxf). The element goes in its schema place (worksheetOrder.ts).
//
// Only kensho's rules are added or removed. To put kensho's rules above the sheet's own (so a
// city's format cannot hide a mark), kensho's take priorities 1..n and, when the sheet's own rules
// start at n or lower, theirs move down by the same amount: their order among themselves, and
// everything else about them, stays as written.
import { markFormula, parseMarkFormula, type PresentMark, type PlannedMark } from "../../../core/flags";
import type { CellArea } from "../../../core/model";
import { worksheetChildrenAfter } from "./worksheetOrder";
import { element, escapeText, qname } from "./xml/xmlBuild";
import { renderDocument, type ElementChange } from "./xml/xmlRender";
import { childrenNamed, descendants, firstChild, parseXml, type XmlElement } from "./xml/xmlTree";

const AFTER_CONDITIONAL_FORMATTING = worksheetChildrenAfter("conditionalFormatting");

function parseRef(ref: string): CellArea | null {
  const [a, b = a] = ref.replace(/\$/g, "").split(":");
  const m1 = /^([A-Z]{1,3})(\d+)$/i.exec(a);
  const m2 = /^([A-Z]{1,3})(\d+)$/i.exec(b);
  if (!m1 || !m2) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const [r1, r2] = [Number(m1[2]) - 1, Number(m2[2]) - 1];
  const [c1, c2] = [col(m1[1]), col(m2[1])];
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}

/** "L9 M3:M4" -> areas; null when a part cannot be read (whole rows or columns). */
export function parseSqref(sqref: string): CellArea[] | null {
  const areas = sqref.trim().split(/\s+/).filter(Boolean).map(parseRef);
  return areas.every((a): a is CellArea => a !== null) ? areas : null;
}

interface Rule {
  el: XmlElement;
  holder: XmlElement;
  index: number;
}

/** Every <cfRule> in a <conditionalFormatting> (not the x14 extension's), in document order. */
function rulesOf(root: XmlElement): Rule[] {
  const out: Rule[] = [];
  for (const holder of childrenNamed(root, "conditionalFormatting"))
    for (const el of childrenNamed(holder, "cfRule")) out.push({ el, holder, index: out.length });
  return out;
}

function formulaOf(rule: XmlElement): string {
  return firstChild(rule, "formula")?.text ?? "";
}

/** kensho's marks in a sheet's XML; ids are the rule's position ("<part>#<n>"). */
export function marksInSheet(sheetXml: string, part: string, sheet: string): PresentMark[] {
  const doc = parseXml(sheetXml, part);
  const rules = rulesOf(doc.root);
  const marks: PresentMark[] = [];
  let foreignAbove = Number.POSITIVE_INFINITY;
  for (const r of rules) {
    const kind = r.el.attrs.type === "expression" ? parseMarkFormula(formulaOf(r.el)) : null;
    if (!kind) foreignAbove = Math.min(foreignAbove, Number(r.el.attrs.priority ?? Infinity));
  }
  // x14 rules (data bars, icon sets of newer Excel) share the sheet's priorities.
  for (const r of descendants(doc.root, "cfRule"))
    if (r.prefix && r.attrs.priority) foreignAbove = Math.min(foreignAbove, Number(r.attrs.priority));
  for (const r of rules) {
    const kind = r.el.attrs.type === "expression" ? parseMarkFormula(formulaOf(r.el)) : null;
    if (!kind) continue;
    marks.push({
      id: `${part}#${r.index}`,
      sheet,
      kind,
      areas: parseSqref(r.holder.attrs.sqref ?? ""),
      buried: Number(r.el.attrs.priority ?? 0) > foreignAbove,
    });
  }
  return marks;
}

/**
 * The sheet's XML with kensho's rules `remove` (ids from marksInSheet on the same XML) taken out
 * and `add` put in, each with its dxf. Returns the XML unchanged when there is nothing to do.
 */
export function patchSheetMarks(
  sheetXml: string,
  part: string,
  remove: ReadonlySet<string>,
  add: Array<PlannedMark & { dxfId: number }>,
): string {
  if (remove.size === 0 && add.length === 0) return sheetXml;
  const doc = parseXml(sheetXml, part);
  const root = doc.root;
  const prefix = root.prefix;
  const rules = rulesOf(root);
  const changes = new Map<XmlElement, ElementChange>();
  const removed = rules.filter((r) => remove.has(`${part}#${r.index}`));
  for (const holder of new Set(removed.map((r) => r.holder))) {
    const all = childrenNamed(holder, "cfRule");
    const gone = removed.filter((r) => r.holder === holder).map((r) => r.el);
    if (gone.length === all.length) changes.set(holder, { replaceWith: "" });
    else for (const el of gone) changes.set(el, { replaceWith: "" });
  }

  // Priorities: kensho's new rules 1..n; the sheet's own rules below them.
  const kept = new Set(removed.map((r) => r.el));
  const others = descendants(root, "cfRule").filter((r) => !kept.has(r) && r.attrs.priority !== undefined);
  const lowest = Math.min(...others.map((r) => Number(r.attrs.priority)).filter(Number.isFinite));
  const shift =
    add.length > 0 && Number.isFinite(lowest) && lowest <= add.length ? add.length - lowest + 1 : 0;
  if (shift > 0)
    for (const r of others)
      changes.set(r, {
        ...(changes.get(r) ?? {}),
        attrs: { priority: String(Number(r.attrs.priority) + shift) },
      });

  if (add.length > 0) {
    const q = (n: string) => qname(prefix, n);
    const xml = add
      .map((m, i) =>
        element(
          q("conditionalFormatting"),
          { sqref: m.address },
          element(
            q("cfRule"),
            { type: "expression", dxfId: m.dxfId, priority: i + 1, stopIfTrue: 1 },
            `<${q("formula")}>${escapeText(markFormula(m.kind).replace(/^=/, ""))}</${q("formula")}>`,
          ),
        ),
      )
      .join("");
    // After the last <conditionalFormatting> left, or before the first element the schema puts after it.
    const holders = childrenNamed(root, "conditionalFormatting").filter(
      (h) => changes.get(h)?.replaceWith !== "",
    );
    const last = holders[holders.length - 1];
    const next = root.children.find((c) => AFTER_CONDITIONAL_FORMATTING.includes(c.local));
    if (last) changes.set(last, { ...(changes.get(last) ?? {}), after: xml });
    else if (next) changes.set(next, { ...(changes.get(next) ?? {}), before: xml });
    else changes.set(root, { ...(changes.get(root) ?? {}), append: xml });
  }
  return renderDocument(doc, (el) => changes.get(el));
}
