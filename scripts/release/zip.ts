import { zipSync, type Zippable } from "fflate";

export interface ZipEntry {
  /** Path inside the zip, with "/" separators. fflate sets the UTF-8 flag for non-ASCII names. */
  name: string;
  data: Uint8Array;
}

/** A deflated zip; entries keep the given order. */
export function makeZip(entries: ZipEntry[], mtime = new Date()): Uint8Array {
  const files: Zippable = {};
  for (const e of entries) {
    if (e.name in files) throw new Error(`duplicate zip entry ${e.name}`);
    files[e.name] = [e.data, { level: 6, mtime }];
  }
  return zipSync(files);
}
