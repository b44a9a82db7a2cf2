// Just enough of the PE/COFF format (Microsoft's "PE Format" specification) to check what
// `npm run release` writes: headers, sections, the resource tree, the Authenticode certificate
// table and the image checksum.

export const MACHINE_AMD64 = 0x8664;
export const PE32_PLUS = 0x20b;
export const SUBSYSTEM_WINDOWS_CUI = 3;
export const RT_RCDATA = 10;
const DIR_RESOURCE = 2;
const DIR_SECURITY = 4;

export interface PeSection {
  name: string;
  virtualAddress: number;
  virtualSize: number;
  rawPointer: number;
  rawSize: number;
}

export interface PeImage {
  machine: number;
  magic: number;
  subsystem: number;
  /** File offset of the optional header's CheckSum field. */
  checksumOffset: number;
  /** File offset of the data directory array. */
  dataDirectoryOffset: number;
  dataDirectoryCount: number;
  sections: PeSection[];
}

export interface PeResource {
  type: number | string;
  name: number | string;
  language: number;
  data: Buffer;
}

export function parsePe(buf: Buffer): PeImage {
  if (buf.length < 0x40 || buf.readUInt16LE(0) !== 0x5a4d)
    throw new Error("not an executable (no MZ header)");
  const pe = buf.readUInt32LE(0x3c);
  if (pe + 24 > buf.length || buf.readUInt32LE(pe) !== 0x00004550) throw new Error("no PE signature");
  const sectionCount = buf.readUInt16LE(pe + 6);
  const optionalSize = buf.readUInt16LE(pe + 20);
  const opt = pe + 24;
  const magic = buf.readUInt16LE(opt);
  if (magic !== PE32_PLUS && magic !== 0x10b) throw new Error(`unknown optional header magic ${magic}`);
  const plus = magic === PE32_PLUS;
  const sections: PeSection[] = [];
  for (let i = 0; i < sectionCount; i++) {
    const s = opt + optionalSize + 40 * i;
    if (s + 40 > buf.length) throw new Error("section table runs past the end of the file");
    sections.push({
      name: buf.toString("latin1", s, s + 8).replace(/\0+$/, ""),
      virtualSize: buf.readUInt32LE(s + 8),
      virtualAddress: buf.readUInt32LE(s + 12),
      rawSize: buf.readUInt32LE(s + 16),
      rawPointer: buf.readUInt32LE(s + 20),
    });
  }
  return {
    machine: buf.readUInt16LE(pe + 4),
    magic,
    subsystem: buf.readUInt16LE(opt + 68),
    checksumOffset: opt + 64,
    dataDirectoryOffset: opt + (plus ? 112 : 96),
    dataDirectoryCount: buf.readUInt32LE(opt + (plus ? 108 : 92)),
    sections,
  };
}

export function dataDirectory(buf: Buffer, img: PeImage, index: number) {
  if (index >= img.dataDirectoryCount) return { address: 0, size: 0, entryOffset: -1 };
  const entryOffset = img.dataDirectoryOffset + 8 * index;
  return { address: buf.readUInt32LE(entryOffset), size: buf.readUInt32LE(entryOffset + 4), entryOffset };
}

export function rvaToOffset(img: PeImage, rva: number): number {
  for (const s of img.sections) {
    const span = Math.max(s.virtualSize, s.rawSize);
    if (rva >= s.virtualAddress && rva < s.virtualAddress + span)
      return s.rawPointer + (rva - s.virtualAddress);
  }
  throw new Error(`RVA ${rva} is in no section`);
}

/** Every resource: the three-level tree type → name → language → data. */
export function listResources(buf: Buffer, img: PeImage): PeResource[] {
  const dir = dataDirectory(buf, img, DIR_RESOURCE);
  if (dir.size === 0) return [];
  const base = rvaToOffset(img, dir.address);
  const label = (field: number): number | string => {
    if ((field & 0x80000000) === 0) return field;
    const at = base + (field & 0x7fffffff);
    return buf.toString("utf16le", at + 2, at + 2 + 2 * buf.readUInt16LE(at));
  };
  const entries = (at: number) => {
    const count = buf.readUInt16LE(at + 12) + buf.readUInt16LE(at + 14);
    return Array.from({ length: count }, (_, i) => {
      const e = at + 16 + 8 * i;
      const target = buf.readUInt32LE(e + 4);
      return {
        label: label(buf.readUInt32LE(e)),
        isDir: (target & 0x80000000) !== 0,
        at: base + (target & 0x7fffffff),
      };
    });
  };
  const out: PeResource[] = [];
  for (const t of entries(base).filter((e) => e.isDir))
    for (const n of entries(t.at).filter((e) => e.isDir))
      for (const l of entries(n.at).filter((e) => !e.isDir)) {
        const offset = rvaToOffset(img, buf.readUInt32LE(l.at));
        const size = buf.readUInt32LE(l.at + 4);
        out.push({
          type: t.label,
          name: n.label,
          language: typeof l.label === "number" ? l.label : 0,
          data: buf.subarray(offset, offset + size),
        });
      }
  return out;
}

/** The Authenticode signature's place in the file (the security directory holds a file offset). */
export function certificateTable(buf: Buffer, img: PeImage) {
  const d = dataDirectory(buf, img, DIR_SECURITY);
  return { offset: d.address, size: d.size, entryOffset: d.entryOffset };
}

/** The image checksum (ImageHlp's CheckSumMappedFile): 16-bit one's-complement sum plus the length. */
export function peChecksum(buf: Buffer, img: PeImage): number {
  let sum = 0;
  const skip = img.checksumOffset;
  const even = buf.length & ~1;
  for (let i = 0; i < even; i += 2) {
    if (i === skip || i === skip + 2) continue;
    sum += buf[i] | (buf[i + 1] << 8);
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  if (buf.length & 1) {
    sum += buf[buf.length - 1];
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  sum = (sum & 0xffff) + (sum >>> 16);
  return (sum + buf.length) >>> 0;
}

export function writeChecksum(buf: Buffer): void {
  const img = parsePe(buf);
  buf.writeUInt32LE(peChecksum(buf, img), img.checksumOffset);
}

/**
 * The executable without its Authenticode signature. Injecting the SEA blob changes the file, so
 * Node's signature would no longer match: an invalid signature is worse than none (Windows and
 * antivirus treat it as tampering), and a city that signs its own tools re-signs kensho.exe.
 */
export function stripAuthenticode(input: Buffer): Buffer {
  const img = parsePe(input);
  const cert = certificateTable(input, img);
  if (cert.size === 0) return Buffer.from(input);
  if (cert.offset + cert.size !== input.length)
    throw new Error("the certificate table is not at the end of the file; refusing to cut it out");
  const out = Buffer.from(input.subarray(0, cert.offset));
  out.writeUInt32LE(0, cert.entryOffset);
  out.writeUInt32LE(0, cert.entryOffset + 4);
  writeChecksum(out);
  return out;
}

export const RT_ICON = 3;
export const RT_GROUP_ICON = 14;
export const RT_VERSION = 16;

export interface VersionInfo {
  /** FileVersion from VS_FIXEDFILEINFO, as a.b.c.d. */
  fileVersion: string;
  productVersion: string;
  /** Every StringFileInfo string, by key (the first string table's, when there are several). */
  strings: Record<string, string>;
}

/**
 * Reads a VS_VERSIONINFO resource (Microsoft, "VS_VERSIONINFO structure"): nested blocks of
 * wLength, wValueLength, wType, a NUL-terminated UTF-16 key, padding to 32 bits, the value and the
 * children, each padded to 32 bits.
 */
export function readVersionInfo(data: Buffer): VersionInfo {
  interface Block {
    key: string;
    value: Buffer;
    isText: boolean;
    children: Block[];
  }
  const align = (n: number) => (n + 3) & ~3;
  const block = (at: number): Block & { end: number } => {
    const length = data.readUInt16LE(at);
    const valueLength = data.readUInt16LE(at + 2);
    const isText = data.readUInt16LE(at + 4) === 1;
    let p = at + 6;
    let key = "";
    for (let c = data.readUInt16LE(p); c !== 0; p += 2, c = data.readUInt16LE(p))
      key += String.fromCharCode(c);
    p = align(p + 2);
    const valueBytes = isText ? valueLength * 2 : valueLength;
    const value = data.subarray(p, p + valueBytes);
    p = align(p + valueBytes);
    const end = at + length;
    const children: Block[] = [];
    while (p + 6 <= end) {
      const child = block(p);
      children.push(child);
      p = align(child.end);
    }
    return { key, value, isText, children, end };
  };
  const root = block(0);
  if (root.key !== "VS_VERSION_INFO" || root.value.readUInt32LE(0) !== 0xfeef04bd)
    throw new Error("not a VS_VERSIONINFO resource");
  const v = (ms: number, ls: number) => `${ms >>> 16}.${ms & 0xffff}.${ls >>> 16}.${ls & 0xffff}`;
  const fixed = root.value;
  const strings: Record<string, string> = {};
  const table = root.children.find((c) => c.key === "StringFileInfo")?.children[0];
  for (const s of table?.children ?? []) strings[s.key] = s.value.toString("utf16le").replace(/\0+$/, "");
  return {
    fileVersion: v(fixed.readUInt32LE(8), fixed.readUInt32LE(12)),
    productVersion: v(fixed.readUInt32LE(16), fixed.readUInt32LE(20)),
    strings,
  };
}
