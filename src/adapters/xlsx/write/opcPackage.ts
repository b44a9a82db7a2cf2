// An .xlsx package open for surgical editing: parts are read on demand through the package layer
// (../package: zip and part names), an edited or added part is deflated anew, and every other entry
// is written back as its original compressed bytes.
import { ZipPackage, type ZipEntry } from "../package";
import { writeZip, type OutputEntry } from "./zipWriter";
import { childrenNamed, parseXml } from "./xml/xmlTree";

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** Package part name the target resolves to (no leading slash); "" for external targets. */
  part: string;
}

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/** "xl/worksheets/sheet1.xml" -> "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) -> "_rels/.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = sourcePart.includes("/") ? sourcePart.slice(0, sourcePart.lastIndexOf("/")).split("/") : [];
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

export class PackageEdit {
  private readonly entries: readonly ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  /** Edited or added parts (bytes), and removed ones (null). */
  private readonly edits = new Map<string, Uint8Array | null>();
  private readonly textCache = new Map<string, string>();

  private constructor(private readonly zip: ZipPackage) {
    const entries = zip.entries;
    this.entries = entries;
    for (const e of entries) this.byName.set(e.name, e);
  }

  /** Opens the archive; throws PackageError when it is not a readable zip. */
  static open(bytes: Uint8Array): PackageEdit {
    return new PackageEdit(ZipPackage.open(bytes));
  }

  has(part: string): boolean {
    const edit = this.edits.get(part);
    return edit !== undefined ? edit !== null : this.byName.has(part);
  }

  /** Part names in archive order, added parts last. */
  names(): string[] {
    const names = this.entries.map((e) => e.name).filter((n) => this.has(n));
    for (const [n, v] of this.edits) if (v !== null && !this.byName.has(n)) names.push(n);
    return names;
  }

  bytes(part: string): Uint8Array {
    const edit = this.edits.get(part);
    if (edit) return edit;
    const entry = edit === null ? undefined : this.byName.get(part);
    if (!entry) throw new Error(`missing part ${part}`);
    return this.zip.read(entry.name);
  }

  /** A part as text (UTF-8; a BOM is kept so the text re-encodes to the same bytes). */
  text(part: string): string {
    let t = this.textCache.get(part);
    if (t === undefined) {
      t = decoder.decode(this.bytes(part));
      this.textCache.set(part, t);
    }
    return t;
  }

  setText(part: string, text: string): void {
    this.textCache.set(part, text);
    this.edits.set(part, encoder.encode(text));
  }

  remove(part: string): void {
    this.textCache.delete(part);
    this.edits.set(part, null);
  }

  /** Parts that differ from the input: edited, added or removed. */
  changedParts(): string[] {
    return [...this.edits.keys()].sort();
  }

  /** The relationships a part holds ("" for the package's own). */
  rels(part: string): Relationship[] {
    const relsPart = relsPartOf(part);
    if (!this.has(relsPart)) return [];
    const doc = parseXml(this.text(relsPart), relsPart);
    return childrenNamed(doc.root, "Relationship").map((r) => {
      const external = r.attrs.TargetMode === "External";
      return {
        id: r.attrs.Id ?? "",
        type: r.attrs.Type ?? "",
        target: r.attrs.Target ?? "",
        external,
        part: external ? "" : resolveTarget(part, r.attrs.Target ?? ""),
      };
    });
  }

  /** The archive with every unedited entry copied as its original compressed bytes. */
  write(): Uint8Array {
    const out: OutputEntry[] = [];
    for (const e of this.entries) {
      const edit = this.edits.get(e.name);
      if (edit === null) continue;
      out.push(
        edit
          ? { name: e.name, data: edit }
          : {
              name: e.name,
              raw: { method: e.method, crc32: e.crc32, size: e.size, data: this.zip.rawData(e.name) },
            },
      );
    }
    for (const [name, data] of this.edits) if (data && !this.byName.has(name)) out.push({ name, data });
    return writeZip(out);
  }
}
