// An .xlsx package opened from its bytes: the zip, its content types, relationships, the workbook's
// sheets and the shared parts. Pure: no Node or DOM APIs beyond TextDecoder, so it runs in the pane.
import { PackageError } from "./errors";
import { CONTENT_TYPES_PART, parseContentTypes, type ContentTypes } from "./contentTypes";
import { entryName, relsPartFor } from "./partNames";
import { parseRelationships, REL, relType, type Relationship } from "./relationships";
import { DEFAULT_MAX_STRING_CHARS, sharedStringsReader, type SharedStringLimits } from "./sharedStrings";
import { EMPTY_STYLES, parseStyles, type Styles } from "./styles";
import { parseWorkbook, type SheetState } from "./workbook";
import { DEFAULT_MAX_PART_BYTES, ZipPackage, type ReadLimit, type ZipOptions } from "./zip";

export interface SheetRef {
  name: string;
  sheetId: number;
  rId: string;
  state: SheetState;
  /** The worksheet's part name ("/xl/worksheets/sheet1.xml"); null when its relationship is missing. */
  part: string | null;
  /** The relationship type's last segment: "worksheet", or "chartsheet"/"dialogsheet" for others. */
  kind: string;
}

/** Parts other than worksheets and shared strings are small; 32 MiB is far more than they need. */
const META_LIMIT: ReadLimit = { maxBytes: 32 * 1024 * 1024 };

export class OpcPackage {
  private cachedTypes: ContentTypes | null = null;
  private readonly cachedRels = new Map<string, Relationship[]>();

  private constructor(readonly zip: ZipPackage) {}

  /** Opens a package; throws PackageError ("not-zip", "corrupt"). */
  static open(bytes: Uint8Array, options: ZipOptions = {}): OpcPackage {
    return new OpcPackage(ZipPackage.open(bytes, options));
  }

  /** Whether a part exists (part name with or without the leading "/"). */
  has(part: string): boolean {
    return this.zip.has(entryName(part));
  }

  /** A part's text; throws PackageError("missing-part") when absent. */
  text(part: string, limit: ReadLimit = META_LIMIT): string {
    return this.zip.readText(entryName(part), limit);
  }

  contentTypes(): ContentTypes {
    if (!this.cachedTypes) {
      this.cachedTypes = this.zip.has(CONTENT_TYPES_PART)
        ? parseContentTypes(this.zip.readText(CONTENT_TYPES_PART, META_LIMIT))
        : { defaults: new Map(), overrides: new Map() };
    }
    return this.cachedTypes;
  }

  /** The relationships of a part ("/" for the package's own); empty when it has none. */
  relationships(part: string): Relationship[] {
    let list = this.cachedRels.get(part);
    if (!list) {
      const rels = relsPartFor(part);
      list = this.has(rels) ? parseRelationships(this.text(rels), part) : [];
      this.cachedRels.set(part, list);
    }
    return list;
  }

  /** The workbook part, found as the package's officeDocument relationship. */
  workbookPart(): string {
    const main = this.relationships("/").find((r) => relType(r.type) === REL.officeDocument && r.part);
    if (main?.part && this.has(main.part)) return main.part;
    if (this.has("/xl/workbook.xml")) return "/xl/workbook.xml";
    throw new PackageError("missing-part", { part: main?.part ?? "/xl/workbook.xml" });
  }

  /** The workbook's sheets in tab order, with their parts, and its date system. */
  workbook(): { part: string; sheets: SheetRef[]; date1904: boolean } {
    const part = this.workbookPart();
    const info = parseWorkbook(this.text(part));
    const rels = new Map(this.relationships(part).map((r) => [r.id, r]));
    const sheets = info.sheets.map((s): SheetRef => {
      const rel = rels.get(s.rId);
      return { ...s, part: rel?.part ?? null, kind: rel ? relType(rel.type) : "worksheet" };
    });
    return { part, sheets, date1904: info.date1904 };
  }

  /** The part a workbook relationship of this type points to, if any. */
  workbookRelated(type: string, workbookPart = this.workbookPart()): string | null {
    const rel = this.relationships(workbookPart).find((r) => relType(r.type) === type && r.part);
    return rel?.part && this.has(rel.part) ? rel.part : null;
  }

  /** Every shared string, streamed from the part; [] when the workbook has none. */
  sharedStrings(
    limits: SharedStringLimits & Partial<ReadLimit> = { maxChars: DEFAULT_MAX_STRING_CHARS },
    workbookPart?: string,
  ): string[] {
    const part = this.workbookRelated(REL.sharedStrings, workbookPart);
    if (!part) return [];
    const reader = sharedStringsReader(part, limits);
    this.zip.stream(entryName(part), reader.write, { maxBytes: limits.maxBytes ?? DEFAULT_MAX_PART_BYTES });
    return reader.end();
  }

  /** Number formats, cell styles and fills; empty styles when the workbook has none. */
  styles(workbookPart?: string): Styles {
    const part = this.workbookRelated(REL.styles, workbookPart);
    return part ? parseStyles(this.text(part)) : EMPTY_STYLES;
  }

  /** Streams a part's bytes chunk by chunk (see ZipPackage.stream). */
  stream(part: string, onChunk: (chunk: Uint8Array) => void, limit?: ReadLimit): void {
    this.zip.stream(entryName(part), onChunk, limit);
  }
}
