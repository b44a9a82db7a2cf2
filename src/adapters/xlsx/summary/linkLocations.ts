// ExcelJS writes a hyperlink to another file as a relationship only, and mistakes "book.xlsx#'1-1'!M8"
// for a link inside the workbook. SpreadsheetML puts the place in the other workbook in the
// hyperlink's `location` attribute (ECMA-376 Part 1, 18.3.1.47), beside the relationship that names
// the file. The summary is kensho's own new workbook, so this pass adds those attributes to the
// <hyperlink> elements ExcelJS wrote, by cell, and leaves every other byte of the part alone.
import { unzipSync, zipSync } from "fflate";

const xmlAttr = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

/** part name ("xl/worksheets/sheet3.xml") -> cell ("H3") -> location ("'1-1'!M8"). */
export type LinkLocations = Map<string, Map<string, string>>;

/** Adds the locations and returns the package deflated (the input may be stored or deflated). */
export function addLinkLocations(xlsx: Uint8Array, locations: LinkLocations): Uint8Array {
  const files = unzipSync(xlsx);
  const utf8 = new TextDecoder();
  const encoder = new TextEncoder();
  for (const [part, byCell] of locations) {
    const bytes = files[part];
    if (!bytes) throw new Error(`summary: no part ${part}`);
    let missing = byCell.size;
    const xml = utf8
      .decode(bytes)
      .replace(/<hyperlink\b([^>]*?)(\/?)>/g, (whole, attrs: string, close: string) => {
        const ref = /\bref="([^"]+)"/.exec(attrs)?.[1];
        const location = ref === undefined ? undefined : byCell.get(ref);
        if (location === undefined || /\blocation="/.test(attrs)) return whole;
        missing--;
        return `<hyperlink${attrs} location="${xmlAttr(location)}"${close}>`;
      });
    if (missing !== 0) throw new Error(`summary: ${missing} hyperlinks not found in ${part}`);
    files[part] = encoder.encode(xml);
  }
  return zipSync(files, { level: 6 });
}
