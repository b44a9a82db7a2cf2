// Zip files that are the same bytes on every build of a commit, and that every unzip reads:
// entries sorted by name, one fixed timestamp, no extra fields, and names in UTF-8 marked the way
// Info-ZIP and Windows both understand — general purpose bit 11 (EFS) set, with "version made by"
// naming Unix (3) as the origin: Info-ZIP's unzip ignores the EFS bit for an MS-DOS origin and
// shows such names garbled (PKWARE APPNOTE 4.4.2, 4.4.4, appendix D).
import * as zlib from "zlib";

export interface ZipEntry {
  /** Path inside the zip, with "/" separators. */
  name: string;
  data: Uint8Array;
  /** Unix permission bits; 0o644 unless given (0o755 for executables). */
  mode?: number;
}

const VERSION_NEEDED = 20; // 2.0: deflate
const MADE_BY_UNIX = (3 << 8) | 20;
const FLAG_UTF8 = 0x0800;
const S_IFREG = 0o100000;

let crcTable: Uint32Array | null = null;
function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time fields of a UTC instant (two-second resolution, 1980 at the earliest). */
export function dosDateTime(when: Date): { date: number; time: number } {
  const y = Math.max(1980, when.getUTCFullYear());
  return {
    date: ((y - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate(),
    time: (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1),
  };
}

const byName = (a: ZipEntry, b: ZipEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** A deflated zip of the entries, sorted by name, every entry stamped with `mtime`. */
export function makeZip(entries: ZipEntry[], mtime: Date): Buffer {
  const sorted = [...entries].sort(byName);
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i].name === sorted[i - 1].name) throw new Error(`duplicate zip entry ${sorted[i].name}`);
  const { date, time } = dosDateTime(mtime);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of sorted) {
    const name = Buffer.from(e.name, "utf8");
    const flags = /[^\x20-\x7e]/.test(e.name) ? FLAG_UTF8 : 0;
    const deflated = zlib.deflateRawSync(e.data, { level: 6 });
    const stored = deflated.length >= e.data.length;
    const body = stored ? Buffer.from(e.data) : deflated;
    const crc = crc32(e.data);
    if (body.length >= 0xffffffff || e.data.length >= 0xffffffff || offset >= 0xffffffff)
      throw new Error(`${e.name}: zip64 is not supported`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(MADE_BY_UNIX, 4);
    local.copy(central, 6, 4, 30); // version needed … name length, as in the local header
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(((S_IFREG | (e.mode ?? 0o644)) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
