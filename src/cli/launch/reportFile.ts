import * as fs from "fs";
import * as path from "path";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Local date as 20250601, for file names. */
export const dateStamp = (d: Date) => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`;

/** Local date and time as 2025-06-01 09:05, for the report's first line. */
export const dateTimeText = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;

/**
 * Where the report goes: beside the first input. For a file or wildcard that is its folder; for a
 * folder of submissions it is the folder's parent, next to the folder itself.
 */
export function reportDirectory(firstInput: string, cwd: string): string {
  return path.dirname(path.resolve(cwd, firstInput));
}

export interface ReportFile {
  extension: string;
  content: string;
}

/**
 * Writes every file under one free name: 検証結果_20250601.txt (and .csv), else _2, _3 … Each file is
 * created with the "wx" flag, so an existing file is never overwritten, even one that appears
 * between the check and the write. Returns the paths written.
 */
export function writeNewReportFiles(dir: string, baseName: string, files: ReportFile[]): string[] {
  for (let n = 1; n <= 999; n++) {
    const base = n === 1 ? baseName : `${baseName}_${n}`;
    const targets = files.map((f) => path.join(dir, base + f.extension));
    if (targets.some((t) => fs.existsSync(t))) continue;
    const written: string[] = [];
    try {
      files.forEach((f, i) => {
        fs.writeFileSync(targets[i], f.content, { encoding: "utf8", flag: "wx" });
        written.push(targets[i]);
      });
      return written;
    } catch (err) {
      // Only our own files of this attempt are removed; then the next free name is tried.
      for (const w of written) fs.rmSync(w, { force: true });
      if ((err as { code?: string }).code !== "EEXIST") throw err;
    }
  }
  throw new Error(`no free file name for ${baseName} in ${dir}`);
}

/** Windows line ends and a BOM: Notepad and Excel on Japanese Windows read the file as UTF-8. */
export const windowsText = (text: string) => `\uFEFF${text.replace(/\r?\n/g, "\r\n")}`;
