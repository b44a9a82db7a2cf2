// Shared helpers for the year-cycle tests: run the CLI in-process in a temp folder, compare
// packages part by part, and build returned copies as a department's Excel would save them.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync } from "fflate";
import { ZipPackage } from "../../src/adapters/xlsx/package";
import { runCli } from "../helpers/runCli";

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `kensho-${prefix}-`));
}

export function runIn(cwd: string, args: string[]) {
  return runCli(args, cwd);
}

/** Entry names whose uncompressed bytes differ between two packages (added and removed included). */
export function changedParts(a: Uint8Array, b: Uint8Array): string[] {
  const x = unzipSync(a);
  const y = unzipSync(b);
  const names = new Set([...Object.keys(x), ...Object.keys(y)]);
  const out: string[] = [];
  for (const n of names) {
    const p = x[n];
    const q = y[n];
    if (!p || !q || p.length !== q.length || !p.every((v, i) => v === q[i])) out.push(n);
  }
  return out.sort();
}

/** Entries copied as their original compressed bytes (raw copy), by name. */
export function rawIdentical(a: Uint8Array, b: Uint8Array, name: string): boolean {
  const p = ZipPackage.open(a).rawData(name);
  const q = ZipPackage.open(b).rawData(name);
  return p.length === q.length && p.every((v, i) => v === q[i]);
}

export function partText(bytes: Uint8Array, name: string): string {
  return new TextDecoder().decode(unzipSync(bytes)[name]);
}

/** Worksheet part names of a package, by sheet name. */
export function sheetParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const wb = new TextDecoder().decode(files["xl/workbook.xml"]);
  const rels = new TextDecoder().decode(files["xl/_rels/workbook.xml.rels"]);
  const out: Record<string, string> = {};
  for (const m of wb.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const t = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels);
    const target = (t?.[1] ?? t?.[2] ?? "").replace(/^\/?xl\//, "");
    out[m[1]] = `xl/${target}`;
  }
  return out;
}
