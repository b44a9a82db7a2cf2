// Writing the zip container of an .xlsx with fflate. An untouched entry is written as its original
// compressed bytes (raw copy, never re-deflated): fflate's streaming Zip accepts any ZipInputFile,
// and a raw entry is one whose chunks are already compressed, with the CRC and size from the
// source's central directory. An edited or new entry is deflated. Reading is the package layer's
// (../package/zip.ts). Browser-safe: no Node imports.
import { Zip, ZipDeflate, type ZipInputFile } from "fflate";

/** An entry copied as stored: its compression method, CRC, uncompressed size and stored bytes. */
export interface RawEntry {
  method: number;
  crc32: number;
  size: number;
  data: Uint8Array;
}

/** A ZipInputFile whose chunks are the source entry's compressed bytes, unchanged. */
function rawFile(name: string, entry: RawEntry): ZipInputFile & { send(): void } {
  const file = {
    filename: name,
    compression: entry.method,
    crc: entry.crc32,
    size: entry.size,
    ondata: undefined as ZipInputFile["ondata"],
    send() {
      file.ondata!(null, entry.data as Uint8Array<ArrayBuffer>, true);
    },
  };
  return file;
}

export type OutputEntry = { name: string; raw: RawEntry } | { name: string; data: Uint8Array };

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
      const f = rawFile(e.name, e.raw);
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
