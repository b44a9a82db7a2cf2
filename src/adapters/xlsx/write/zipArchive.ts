// The zip container of an .xlsx: entries read from the central directory, so an untouched entry
// can be written out again as its original compressed bytes (raw copy, never re-deflated), and a
// new or edited entry deflated by fflate. fflate's streaming Zip accepts any ZipInputFile; a raw
// entry is one whose chunks are already compressed, with the CRC and size from the source.
//
// TEMPORARY HOME: the package layer (src/adapters/xlsx/package/, issue 8) owns zip access. This
// file is the writer's own minimal reader until that lands; then the writer should take its
// entries from there. Browser-safe: no Node imports.
import { inflateSync, Zip, ZipDeflate, type ZipInputFile } from "fflate";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  crc: number;
  size: number;
  compressedSize: number;
  flags: number;
  /** DOS date and time words from the central directory. */
  dosTime: number;
  dosDate: number;
  /** The compressed bytes, a view into the archive. */
  raw: Uint8Array;
}

export type ZipProblem = "not-zip" | "corrupt" | "encrypted" | "unsupported";

export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    detail: string,
  ) {
    super(detail);
    this.name = "ZipError";
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEocd(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

const utf8 = new TextDecoder("utf-8");
const cp437ish = new TextDecoder("latin1");

/** The archive's entries, in central-directory order. Throws ZipError. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw new ZipError("not-zip", "too short");
  const eocd = findEocd(view);
  if (eocd < 0) throw new ZipError("corrupt", "no end of central directory");
  let count = view.getUint16(eocd + 10, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== ZIP64_LOCATOR)
      throw new ZipError("corrupt", "zip64 locator");
    const z = Number(view.getBigUint64(loc + 8, true));
    if (view.getUint32(z, true) !== ZIP64_EOCD) throw new ZipError("corrupt", "zip64 record");
    count = Number(view.getBigUint64(z + 32, true));
    cdOffset = Number(view.getBigUint64(z + 48, true));
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL)
      throw new ZipError("corrupt", "central directory");
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const dosTime = view.getUint16(p + 12, true);
    const dosDate = view.getUint16(p + 14, true);
    const crc = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : cp437ish).decode(nameBytes);
    // ZIP64 extended information: only the fields whose 32-bit slot is saturated, in this order.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = view.getUint16(x, true);
      const len = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let f = x + 4;
        if (size === 0xffffffff) {
          size = Number(view.getBigUint64(f, true));
          f += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(view.getBigUint64(f, true));
          f += 8;
        }
        if (localOffset === 0xffffffff) localOffset = Number(view.getBigUint64(f, true));
      }
      x += 4 + len;
    }
    p = xEnd + commentLen;
    if (flags & 0x1) throw new ZipError("encrypted", name);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL)
      throw new ZipError("corrupt", `local header of ${name}`);
    const dataStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > bytes.length) throw new ZipError("corrupt", `data of ${name}`);
    if (method !== 0 && method !== 8) throw new ZipError("unsupported", `${name}: method ${method}`);
    entries.push({
      name,
      method,
      crc,
      size,
      compressedSize,
      flags,
      dosTime,
      dosDate,
      raw: bytes.subarray(dataStart, dataStart + compressedSize),
    });
  }
  return entries;
}

/** An entry's uncompressed bytes. */
export function entryData(entry: ZipEntry): Uint8Array {
  if (entry.method === 0) return entry.raw;
  try {
    return inflateSync(entry.raw, { out: new Uint8Array(entry.size) });
  } catch (err) {
    throw new ZipError("corrupt", `${entry.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function dosToDate(date: number, time: number): Date {
  return new Date(
    1980 + (date >> 9),
    ((date >> 5) & 0xf) - 1,
    date & 0x1f,
    time >> 11,
    (time >> 5) & 0x3f,
    (time & 0x1f) * 2,
  );
}

/** A ZipInputFile whose chunks are the source entry's compressed bytes, unchanged. */
function rawFile(entry: ZipEntry): ZipInputFile & { send(): void } {
  const file = {
    filename: entry.name,
    compression: entry.method,
    crc: entry.crc,
    size: entry.size,
    mtime: dosToDate(entry.dosDate, entry.dosTime),
    ondata: undefined as ZipInputFile["ondata"],
    send() {
      file.ondata!(null, entry.raw as Uint8Array<ArrayBuffer>, true);
    },
  };
  return file;
}

export type OutputEntry = { name: string; raw: ZipEntry } | { name: string; data: Uint8Array };

/** Writes an archive: raw entries copied as compressed bytes, data entries deflated. */
export function writeZip(entries: OutputEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  for (const e of entries) {
    if ("raw" in e) {
      const f = rawFile(e.raw);
      f.filename = e.name;
      zip.add(f);
      f.send();
    } else {
      const f = new ZipDeflate(e.name, { level: 6 });
      zip.add(f);
      f.push(e.data, true);
    }
  }
  zip.end();
  if (failure) throw failure;
  let total = 0;
  for (const c of chunks) total += c.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
