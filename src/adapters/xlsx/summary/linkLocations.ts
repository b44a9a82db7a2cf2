// ExcelJS writes a hyperlink to another file as a relationship only, and mistakes "book.xlsx#'1-1'!M8"
// for a link inside the workbook. SpreadsheetML puts the place in the other workbook in the
// hyperlink's `location` attribute (ECMA-376 Part 1, 18.3.1.47), beside the relationship that names
// the file. The summary is kensho's own new workbook, so this pass adds those attributes to the
// <hyperlink> elements ExcelJS wrote, by cell, with the xlsx adapter's XML parser and splicer.
import { unzipSync, zipSync } from "fflate";
import { renderDocument, type ElementChange } from "../write/xml/xmlRender";
import { descendants, parseXml, type XmlElement } from "../write/xml/xmlTree";

/** part name ("xl/worksheets/sheet3.xml") -> cell ("H3") -> location ("'1-1'!M8"). */
export type LinkLocations = Map<string, Map<string, string>>;

/** Adds the locations and returns the package deflated (the input may be stored or deflated). */
export function addLinkLocations(xlsx: Uint8Array, locations: LinkLocations): Uint8Array {
  const files = unzipSync(xlsx);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  for (const [part, byCell] of locations) {
    const bytes = files[part];
    if (!bytes) throw new Error(`summary: no part ${part}`);
    const doc = parseXml(decoder.decode(bytes), part);
    const changes = new Map<XmlElement, ElementChange>();
    for (const link of descendants(doc.root, "hyperlink")) {
      const location = byCell.get(link.attrs.ref ?? "");
      if (location !== undefined) changes.set(link, { attrs: { location } });
    }
    if (changes.size !== byCell.size)
      throw new Error(`summary: ${byCell.size - changes.size} links not found in ${part}`);
    files[part] = encoder.encode(renderDocument(doc, (el) => changes.get(el)));
  }
  return zipSync(files, { level: 6 });
}
