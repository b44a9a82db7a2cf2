// Custom document properties (docProps/custom.xml, ECMA-376 Part 1, 22.3 "Custom File Properties"):
// kensho's split marker is written here. An existing part is patched (kensho's properties replaced,
// every other property kept as written); a package without one gets the part, its relationship from
// the package (_rels/.rels) and its content type. Values are written as vt:lpwstr, the type Excel
// itself gives a text property.
import { relsPartOf, type PackageEdit } from "./opcPackage";
import { REL_NS } from "./namespaces";
import { element, escapeAttr, escapeText } from "./xml/xmlBuild";
import { xmlCharsOnly } from "./xml/escapeText";
import { renderDocument, type ElementChange } from "./xml/xmlRender";
import { childrenNamed, parseXml, type XmlElement } from "./xml/xmlTree";

export const REL_CUSTOM_PROPERTIES = `${REL_NS}/custom-properties`;
const CT_CUSTOM_PROPERTIES = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
const NS_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
const NS_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
/** The format id every user-defined property carries (22.3.2.2: "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"). */
const FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";
const PACKAGE_RELS = "_rels/.rels";

const xmlChars = xmlCharsOnly;

function propertyXml(prefix: string, vt: string, pid: number, name: string, value: string): string {
  const q = (local: string) => (prefix ? `${prefix}:${local}` : local);
  // Property values are plain XML text (no _xHHHH_ escapes): what XML 1.0 cannot carry becomes U+FFFD.
  const text = escapeText(xmlChars(value));
  return `<${q("property")} fmtid="${FMTID}" pid="${pid}" name="${escapeAttr(xmlChars(name))}"><${vt}:lpwstr>${text}</${vt}:lpwstr></${q("property")}>`;
}

/** The custom properties part the package points at, or null. */
function customPart(pkg: PackageEdit): { part: string } | null {
  const rel = pkg.rels("").find((r) => r.type === REL_CUSTOM_PROPERTIES && !r.external);
  return rel && pkg.has(rel.part) ? { part: rel.part } : null;
}

/**
 * Sets text properties (name, value), replacing any of the same name (case-insensitively, as Excel
 * compares them). `replaces(name)` also drops properties the caller owns that are not in the list.
 */
export function setCustomProperties(
  pkg: PackageEdit,
  properties: ReadonlyArray<[string, string]>,
  replaces: (name: string) => boolean = () => false,
): void {
  const names = new Set(properties.map(([n]) => n.toLowerCase()));
  const drop = (name: string) => names.has(name.toLowerCase()) || replaces(name);
  const existing = customPart(pkg);
  if (existing) {
    const doc = parseXml(pkg.text(existing.part), existing.part);
    const root = doc.root;
    const vt =
      Object.entries(root.attrs)
        .find(([k, v]) => k.startsWith("xmlns:") && v === NS_VT)?.[0]
        .slice("xmlns:".length) ?? null;
    const changes = new Map<XmlElement, ElementChange>();
    let maxPid = 1;
    for (const p of childrenNamed(root, "property")) {
      const pid = Number(p.attrs.pid);
      if (Number.isFinite(pid)) maxPid = Math.max(maxPid, pid);
      if (drop(p.attrs.name ?? "")) changes.set(p, { replaceWith: "" });
    }
    const vtPrefix = vt ?? "vt";
    let added = properties
      .map(([n, v], i) => propertyXml(root.prefix, vtPrefix, maxPid + 1 + i, n, v))
      .join("");
    // A part that never declared the vector-types namespace gets it on each new property.
    if (vt === null) added = added.replace(/<vt:lpwstr>/g, `<vt:lpwstr xmlns:vt="${NS_VT}">`);
    const rootChange = changes.get(root) ?? {};
    changes.set(root, { ...rootChange, append: added });
    pkg.setText(
      existing.part,
      renderDocument(doc, (el) => changes.get(el)),
    );
    return;
  }

  let part = "docProps/custom.xml";
  for (let n = 2; pkg.has(part); n++) part = `docProps/custom${n}.xml`;
  const body = properties.map(([n, v], i) => propertyXml("", "vt", 2 + i, n, v)).join("");
  pkg.setText(
    part,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<Properties xmlns="${NS_CUSTOM}" xmlns:vt="${NS_VT}">${body}</Properties>`,
  );

  // The package's relationship to it.
  const relsPart = relsPartOf("");
  if (relsPart !== PACKAGE_RELS) throw new Error("unexpected package rels part");
  const relsDoc = parseXml(pkg.text(PACKAGE_RELS), PACKAGE_RELS);
  const used = new Set(childrenNamed(relsDoc.root, "Relationship").map((r) => r.attrs.Id));
  let k = used.size + 1;
  while (used.has(`rId${k}`)) k++;
  const rel = element(relsDoc.root.prefix ? `${relsDoc.root.prefix}:Relationship` : "Relationship", {
    Id: `rId${k}`,
    Type: REL_CUSTOM_PROPERTIES,
    Target: part,
  });
  pkg.setText(
    PACKAGE_RELS,
    renderDocument(relsDoc, (el) => (el === relsDoc.root ? { append: rel } : undefined)),
  );

  // Its content type.
  const ct = "[Content_Types].xml";
  const ctDoc = parseXml(pkg.text(ct), ct);
  const q = ctDoc.root.prefix ? `${ctDoc.root.prefix}:Override` : "Override";
  pkg.setText(
    ct,
    renderDocument(ctDoc, (el) =>
      el === ctDoc.root
        ? { append: element(q, { PartName: `/${part}`, ContentType: CT_CUSTOM_PROPERTIES }) }
        : undefined,
    ),
  );
}
