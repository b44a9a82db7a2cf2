// The flag record as a custom XML part (docs/flag-record.md, "In an .xlsx package"): found by the
// namespace of its root element, replaced in place when the workbook has one, else added with its
// item properties, relationships and content types.
import {
  FLAG_RECORD_NAMESPACE,
  mergeRecords,
  parseFlagRecord,
  serializeFlagRecord,
  type FlagRecordDocument,
} from "../../../core/flags";
import type { PackageEdit } from "./opcPackage";
import { addOverride, addRelationship, ensureDefault, freePartName } from "./packageParts";
import { parseXml } from "./xml/xmlTree";
import { REL_NS } from "./namespaces";

const REL_CUSTOM_XML = `${REL_NS}/customXml`;
const REL_CUSTOM_XML_PROPS = `${REL_NS}/customXmlProps`;
const CT_ITEM_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

/** What the package's record parts hold, and where they are. */
export interface StoredFlagRecord {
  /** The record parts this version can read, in relationship order, and their records merged. */
  parts: string[];
  record: FlagRecordDocument;
}

function rootNamespace(xml: string, part: string): string | null {
  try {
    const root = parseXml(xml, part).root;
    const ns = root.prefix ? root.attrs[`xmlns:${root.prefix}`] : root.attrs.xmlns;
    return ns ?? null;
  } catch {
    return null;
  }
}

/** Reads every readable kensho record part of the workbook; the first listed wins for a cell. */
export function readFlagRecordParts(pkg: PackageEdit, workbookPart: string): StoredFlagRecord {
  const parts: string[] = [];
  const docs: FlagRecordDocument[] = [];
  for (const rel of pkg.rels(workbookPart)) {
    if (rel.type !== REL_CUSTOM_XML || rel.external || !pkg.has(rel.part)) continue;
    let xml: string;
    try {
      xml = pkg.text(rel.part);
    } catch {
      continue; // not UTF-8: not ours
    }
    if (rootNamespace(xml, rel.part) !== FLAG_RECORD_NAMESPACE) continue;
    const parsed = parseFlagRecord(xml);
    // A part another version wrote is left exactly as it is.
    if (parsed.unreadable) continue;
    parts.push(rel.part);
    docs.push(parsed.doc);
  }
  return { parts, record: docs.length ? mergeRecords(docs) : { flags: [], undo: [] } };
}

/** A fresh GUID for the item's properties (crypto when present; the id only needs to be unique). */
function guid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
    .join("")
    .toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-A${hex.slice(17, 20)}-${hex.slice(20)}}`;
}

/**
 * Writes the record: into the first existing record part (the others emptied, so the add-in's merge
 * finds nothing stale in them), or into a new customXml item with its properties.
 */
export function writeFlagRecordPart(
  pkg: PackageEdit,
  workbookPart: string,
  stored: StoredFlagRecord,
  record: FlagRecordDocument,
  random: () => number = Math.random,
): void {
  const xml = serializeFlagRecord(record);
  if (stored.parts.length > 0) {
    const [first, ...others] = stored.parts;
    pkg.setText(first, xml);
    for (const p of others) pkg.setText(p, serializeFlagRecord({ flags: [], undo: [] }));
    return;
  }
  const item = freePartName(pkg, (n) => `customXml/item${n}.xml`);
  const n = /item(\d+)\.xml$/.exec(item)![1];
  const props = `customXml/itemProps${n}.xml`;
  pkg.setText(item, xml);
  pkg.setText(
    props,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n` +
      `<ds:datastoreItem ds:itemID="${guid(random)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
      `<ds:schemaRefs><ds:schemaRef ds:uri="${FLAG_RECORD_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  ensureDefault(pkg, "xml", "application/xml");
  addOverride(pkg, props, CT_ITEM_PROPS);
  addRelationship(pkg, workbookPart, REL_CUSTOM_XML, item);
  addRelationship(pkg, item, REL_CUSTOM_XML_PROPS, props);
}
