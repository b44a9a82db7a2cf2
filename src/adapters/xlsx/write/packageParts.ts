// Adding parts to a package: relationships, content types and free part names. Each edit appends to
// the part it changes (rendered from the parsed source, never rebuilt), so whatever else the part
// holds stays as written.
import type { PackageEdit } from "./opcPackage";
import { relsPartOf } from "./opcPackage";
import { element } from "./xml/xmlBuild";
import { renderDocument } from "./xml/xmlRender";
import { childrenNamed, parseXml } from "./xml/xmlTree";

export const CONTENT_TYPES = "[Content_Types].xml";
const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Appends XML as the last content of a part's root element. */
function appendToRoot(pkg: PackageEdit, part: string, xml: string): void {
  const doc = parseXml(pkg.text(part), part);
  pkg.setText(
    part,
    renderDocument(doc, (el) => (el === doc.root ? { append: xml } : undefined)),
  );
}

/** The relative target of `to` from the folder of `from` ("xl/worksheets/sheet1.xml" -> "../comments1.xml"). */
export function relativeTarget(from: string, to: string): string {
  const base = from.includes("/") ? from.slice(0, from.lastIndexOf("/")).split("/") : [];
  const dest = to.split("/");
  let common = 0;
  while (common < base.length && common < dest.length - 1 && base[common] === dest[common]) common++;
  return [...Array<string>(base.length - common).fill(".."), ...dest.slice(common)].join("/");
}

/** Adds a relationship from `source` to the part `target`; returns its id. */
export function addRelationship(pkg: PackageEdit, source: string, type: string, target: string): string {
  const relsPart = relsPartOf(source);
  const rel = (id: string) =>
    element("Relationship", { Id: id, Type: type, Target: relativeTarget(source, target) });
  if (!pkg.has(relsPart)) {
    pkg.setText(
      relsPart,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${rel("rId1")}</Relationships>`,
    );
    return "rId1";
  }
  const doc = parseXml(pkg.text(relsPart), relsPart);
  const used = new Set(childrenNamed(doc.root, "Relationship").map((r) => r.attrs.Id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  appendToRoot(pkg, relsPart, rel(id));
  return id;
}

/** Makes sure [Content_Types].xml has a Default for the extension. */
export function ensureDefault(pkg: PackageEdit, extension: string, contentType: string): void {
  const doc = parseXml(pkg.text(CONTENT_TYPES), CONTENT_TYPES);
  const has = childrenNamed(doc.root, "Default").some(
    (d) => (d.attrs.Extension ?? "").toLowerCase() === extension.toLowerCase(),
  );
  if (!has)
    appendToRoot(pkg, CONTENT_TYPES, element("Default", { Extension: extension, ContentType: contentType }));
}

/** Adds an Override for a part (package name without the leading slash). */
export function addOverride(pkg: PackageEdit, part: string, contentType: string): void {
  appendToRoot(pkg, CONTENT_TYPES, element("Override", { PartName: `/${part}`, ContentType: contentType }));
}

/** The first part name `make(n)` (n = 1, 2, …) that the package does not hold. */
export function freePartName(pkg: PackageEdit, make: (n: number) => string): string {
  const taken = new Set(pkg.names().map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = make(n);
    if (!taken.has(name.toLowerCase())) return name;
  }
}
