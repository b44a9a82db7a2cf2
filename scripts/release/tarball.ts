import * as zlib from "zlib";

const text = (b: Uint8Array, start: number, len: number) => {
  const s = Buffer.from(b.subarray(start, start + len)).toString("utf8");
  const nul = s.indexOf("\0");
  return nul < 0 ? s : s.slice(0, nul);
};

/** Path records of a pax extended header ("27 path=package/bin/node\n"). */
function paxPath(data: Uint8Array): string | null {
  const s = Buffer.from(data).toString("utf8");
  let i = 0;
  while (i < s.length) {
    const sp = s.indexOf(" ", i);
    const len = Number(s.slice(i, sp));
    if (!Number.isFinite(len) || len <= 0) break;
    const record = s.slice(sp + 1, i + len - 1);
    if (record.startsWith("path=")) return record.slice(5);
    i += len;
  }
  return null;
}

/** One regular file out of a .tgz (ustar, with pax or GNU long names), as npm packs them. */
export function extractTarEntry(tgz: Uint8Array, entry: string): Buffer {
  const tar = zlib.gunzipSync(tgz);
  let offset = 0;
  let longName: string | null = null;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const size = parseInt(text(header, 124, 12).trim() || "0", 8);
    const type = header[156] === 0 ? "0" : String.fromCharCode(header[156]);
    const prefix = text(header, 257, 6) === "ustar" ? text(header, 345, 155) : "";
    const name = longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    const data = tar.subarray(offset + 512, offset + 512 + size);
    longName = null;
    if (type === "x") longName = paxPath(data);
    else if (type === "L") longName = text(data, 0, data.length);
    else if (type === "0" && name === entry) return Buffer.from(data);
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${entry} is not in the tarball`);
}
