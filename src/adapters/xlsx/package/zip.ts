// Random access to the entries of a zip held in memory (Node or browser: bytes in, bytes out).
// The central directory is read here, because fflate (our inflater) offers whole-archive unzip or
// front-to-back streaming but no random access to one entry's compressed bytes; everything that
// decompresses is fflate's. Sizes are checked against a limit both as declared and while inflating,
// so a zip bomb costs at most `maxBytes` of memory and time.
import { Inflate, inflateSync } from "fflate";
import { PackageError } from "./errors";

export interface ZipEntry {
  /** The entry's name as stored ("xl/workbook.xml"). */
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  /** General purpose bit flags (bit 0: encrypted, bit 3: sizes in a data descriptor). */
  flags: number;
  crc32: number;
  compressedSize: number;
  /** Uncompressed size as declared by the central directory (not trusted: checked while inflating). */
  size: number;
  localHeaderOffset: number;
}

export interface ReadLimit {
  /** The most uncompressed bytes a part may have. */
  maxBytes: number;
}

/** 256 MiB: larger than any part a real verification workbook has, small enough to stay bounded. */
export const DEFAULT_MAX_PART_BYTES = 256 * 1024 * 1024;
const CHUNK = 256 * 1024;

const EOCD_SIG = 0x06054b50;
const EOCD64_LOCATOR_SIG = 0x07064b50;
const EOCD64_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

/**
 * Inflates raw deflate data whole, throwing when it is damaged or longer than `maxBytes`. The Node
 * side passes zlib's (native, about twice fflate's speed on small parts); fflate's is the default.
 */
export type RawInflater = (data: Uint8Array, maxBytes: number) => Uint8Array;

export interface ZipOptions {
  /** Used for parts small enough to inflate at once; larger parts always stream through fflate. */
  inflateRaw?: RawInflater;
}

/** fflate into a buffer one byte over the limit: a longer result shows as an over-long output. */
const fflateRaw: RawInflater = (data, maxBytes) => inflateSync(data, { out: new Uint8Array(maxBytes) });

export class ZipPackage {
  readonly entries: readonly ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly inflateRaw: RawInflater;

  private constructor(
    private readonly bytes: Uint8Array,
    entries: ZipEntry[],
    options: ZipOptions,
  ) {
    this.inflateRaw = options.inflateRaw ?? fflateRaw;
    this.entries = entries;
    // OPC part names compare case-insensitively; the first of two same-named entries wins.
    for (const e of entries) {
      const key = e.name.toLowerCase();
      if (!this.byName.has(key)) this.byName.set(key, e);
    }
  }

  /** Opens a zip from its bytes; throws PackageError("not-zip" | "corrupt"). */
  static open(bytes: Uint8Array, options: ZipOptions = {}): ZipPackage {
    return new ZipPackage(bytes, readCentralDirectory(bytes), options);
  }

  /** The entry with this name (case-insensitive; a leading "/" is ignored). */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\//, "").toLowerCase());
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** An entry's compressed bytes as stored, for writers that copy entries unchanged. */
  rawData(name: string): Uint8Array {
    const e = this.required(name);
    return this.dataRange(e);
  }

  /** An entry's uncompressed bytes, at most `limit.maxBytes` of them. */
  read(name: string, limit: ReadLimit = { maxBytes: DEFAULT_MAX_PART_BYTES }): Uint8Array {
    const e = this.required(name);
    checkDeclared(e, limit);
    const data = this.dataRange(e);
    if (e.method === 0) return storedWithin(e, data, limit);
    // The declared size is only a hint: inflate in chunks and stop at the limit.
    const small = this.inflateSmall(e, data);
    if (small) return small;
    const parts: Uint8Array[] = [];
    let total = 0;
    this.stream(
      name,
      (c) => {
        parts.push(c);
        total += c.length;
      },
      limit,
    );
    if (parts.length === 1) return parts[0];
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  /** An entry's text, decoded as UTF-8 (a BOM is dropped). */
  readText(name: string, limit?: ReadLimit): string {
    return utf8.decode(this.read(name, limit));
  }

  /**
   * Inflates an entry chunk by chunk, synchronously, never holding more than one chunk: the way to
   * read a large worksheet. Throws PackageError("part-too-large") once the limit is passed.
   */
  stream(
    name: string,
    onChunk: (chunk: Uint8Array) => void,
    limit: ReadLimit = { maxBytes: DEFAULT_MAX_PART_BYTES },
  ): void {
    const e = this.required(name);
    checkDeclared(e, limit);
    const data = this.dataRange(e);
    if (e.method === 0) {
      const stored = storedWithin(e, data, limit);
      for (let i = 0; i < stored.length; i += CHUNK) onChunk(stored.subarray(i, i + CHUNK));
      return;
    }
    const small = this.inflateSmall(e, data);
    if (small) {
      onChunk(small);
      return;
    }
    let total = 0;
    let failure: unknown = null;
    const inflater = new Inflate((chunk) => {
      if (failure) return;
      total += chunk.length;
      if (total > limit.maxBytes) {
        failure = new PackageError("part-too-large", { part: e.name, limit: limit.maxBytes });
        return;
      }
      try {
        onChunk(chunk);
      } catch (err) {
        failure = err;
      }
    });
    try {
      for (let i = 0; i < data.length && !failure; i += CHUNK) {
        inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (err) {
      if (!failure) failure = new PackageError("corrupt", { part: e.name }, { cause: err });
    }
    if (failure) throw failure;
  }

  /**
   * A small part inflated at once, allowed one byte over its declared size (the sign of a lying
   * size); null when it is not small, lies or is damaged: the streaming path then bounds it and
   * reports the damage precisely.
   */
  private inflateSmall(e: ZipEntry, data: Uint8Array): Uint8Array | null {
    if (e.size <= 0 || e.size > CHUNK) return null;
    try {
      const out = this.inflateRaw(data, e.size + 1);
      return out.length <= e.size ? out : null;
    } catch {
      return null;
    }
  }

  private required(name: string): ZipEntry {
    const e = this.entry(name);
    if (!e) throw new PackageError("missing-part", { part: name });
    if (e.flags & 1) throw new PackageError("encrypted-entry", { part: e.name });
    if (e.method !== 0 && e.method !== 8) throw new PackageError("unsupported-compression", { part: e.name });
    return e;
  }

  /** The compressed bytes of an entry, found through its local header. */
  private dataRange(e: ZipEntry): Uint8Array {
    const b = this.bytes;
    const at = e.localHeaderOffset;
    if (at + 30 > b.length || u32(b, at) !== LOCAL_SIG) throw new PackageError("corrupt", { part: e.name });
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    const end = start + e.compressedSize;
    if (end > b.length) throw new PackageError("corrupt", { part: e.name });
    return b.subarray(start, end);
  }
}

/** A stored (uncompressed) entry's bytes, refused past the limit like an inflated one. */
function storedWithin(e: ZipEntry, data: Uint8Array, limit: ReadLimit): Uint8Array {
  if (data.length > limit.maxBytes)
    throw new PackageError("part-too-large", { part: e.name, limit: limit.maxBytes });
  return data;
}

function checkDeclared(e: ZipEntry, limit: ReadLimit): void {
  if (e.size > limit.maxBytes)
    throw new PackageError("part-too-large", { part: e.name, limit: limit.maxBytes });
}

const u16 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number): number =>
  (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number): number => u32(b, i) + u32(b, i + 4) * 0x1_0000_0000;

function findEndOfCentralDirectory(b: Uint8Array): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && u32(b, i) === EOCD_SIG) return i;
  }
  return -1;
}

function readCentralDirectory(b: Uint8Array): ZipEntry[] {
  if (b.length < 4 || u32(b, 0) !== LOCAL_SIG) {
    // An empty zip (only an end record) is a zip, but a damaged one for our purposes.
    if (b.length >= 4 && u32(b, 0) === EOCD_SIG) throw new PackageError("corrupt");
    throw new PackageError("not-zip");
  }
  const eocd = findEndOfCentralDirectory(b);
  if (eocd < 0) throw new PackageError("corrupt");
  let count = u16(b, eocd + 10);
  let dirOffset = u32(b, eocd + 16);
  const locator = eocd - 20;
  if (
    (count === 0xffff || dirOffset === 0xffffffff) &&
    locator >= 0 &&
    u32(b, locator) === EOCD64_LOCATOR_SIG
  ) {
    const rec = u64(b, locator + 8);
    if (rec + 56 > b.length || u32(b, rec) !== EOCD64_SIG) throw new PackageError("corrupt");
    count = u64(b, rec + 32);
    dirOffset = u64(b, rec + 48);
  }
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== CENTRAL_SIG) throw new PackageError("corrupt");
    const flags = u16(b, p + 8);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    if (p + 46 + nameLen + extraLen > b.length) throw new PackageError("corrupt");
    const nameBytes = b.subarray(p + 46, p + 46 + nameLen);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    let localHeaderOffset = u32(b, p + 42);
    // Zip64: the real values sit in extra field 0x0001, in this order, for each field that is maxed.
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen;) {
      const id = u16(b, x);
      const len = u16(b, x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (size === 0xffffffff) {
          size = u64(b, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(b, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(b, q);
      }
      x += 4 + len;
    }
    entries.push({
      name: (flags & 0x800 ? utf8 : latin1).decode(nameBytes),
      method: u16(b, p + 10),
      flags,
      crc32: u32(b, p + 16),
      compressedSize,
      size,
      localHeaderOffset,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}
