import * as fs from "fs";
import * as path from "path";

/** Why a file in a folder is not checked. */
export type SkipReason =
  "lock-file" | "own-report" | "legacy-xls" | "xlsb" | "ods" | "csv" | "folder" | "not-workbook";

export interface SkippedFile {
  /** The path as it will be shown (relative to what staff typed). */
  file: string;
  reason: SkipReason;
}

/** Skips that mean a department's submission could not be read (another spreadsheet format). */
export const UNREADABLE_SKIPS: ReadonlySet<SkipReason> = new Set<SkipReason>([
  "legacy-xls",
  "xlsb",
  "ods",
  "csv",
]);

export interface Inputs {
  files: string[];
  skipped: SkippedFile[];
  /** Folders given that hold no workbook at all. */
  emptyFolders: string[];
}

/** Excel's lock files ("~$報告.xlsx") sit beside open workbooks and are not workbooks. */
const isLockFile = (name: string) => name.startsWith("~$");
const isWorkbookName = (name: string) => /\.xls[xm]$/i.test(name) && !isLockFile(name);
/**
 * kensho's own report files, as the executable saves them beside the inputs
 * (src/i18n/release.ts reportBaseName: 検証結果_20250601.txt, _2 … and .csv): not a submission.
 */
export const isOwnReport = (name: string) =>
  /^検証結果_\d{8}(?:_\d+)?\.(?:txt|csv)$/i.test(name.normalize("NFC"));

function skipReason(name: string, isDir: boolean): SkipReason | null {
  if (isDir) return "folder";
  if (isLockFile(name)) return "lock-file";
  if (isOwnReport(name)) return "own-report";
  if (isWorkbookName(name)) return null;
  const ext = path.extname(name).toLowerCase();
  if (ext === ".xls") return "legacy-xls";
  if (ext === ".xlsb") return "xlsb";
  if (ext === ".ods") return "ods";
  if (ext === ".csv") return "csv";
  return "not-workbook";
}

function wildcardToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, "i");
}

const byName = (a: string, b: string) => a.localeCompare(b, "ja");

/**
 * What staff type, turned into files: a folder means the workbooks in it (as collected from the
 * departments), and every other file in it is named with the reason it is skipped; a wildcard is
 * expanded here because Windows' cmd.exe passes `*.xlsx` through as it is. Anything else is kept
 * as given, so a missing file is reported, never skipped.
 */
export function collectInputs(args: string[], cwd: string): Inputs {
  const out: Inputs = { files: [], skipped: [], emptyFolders: [] };
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(full);
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) {
      let entries: fs.Dirent[] = [];
      try {
        entries = fs.readdirSync(full, { withFileTypes: true });
      } catch {
        out.files.push(arg); // unreadable folder: reported by the reader with its reason
        continue;
      }
      const found: string[] = [];
      for (const e of [...entries].sort((a, b) => byName(a.name, b.name))) {
        const reason = skipReason(e.name, e.isDirectory());
        if (reason) out.skipped.push({ file: path.join(arg, e.name), reason });
        else found.push(path.join(arg, e.name));
      }
      if (found.length === 0) out.emptyFolders.push(arg);
      out.files.push(...found);
      continue;
    }
    if (!stat && /[*?]/.test(path.basename(arg)) && !/[*?]/.test(path.dirname(arg))) {
      const dir = path.dirname(arg);
      const re = wildcardToRegExp(path.basename(arg));
      let names: string[] = [];
      try {
        names = fs.readdirSync(path.resolve(cwd, dir)).filter((n) => re.test(n));
      } catch {
        names = [];
      }
      const shown = (n: string) => (dir === "." ? n : path.join(dir, n));
      const locks = names.filter(isLockFile);
      const workbooks = names.filter((n) => !isLockFile(n));
      out.skipped.push(...locks.sort(byName).map((n) => ({ file: shown(n), reason: "lock-file" as const })));
      if (workbooks.length > 0) {
        out.files.push(...workbooks.sort(byName).map(shown));
        continue;
      }
    }
    out.files.push(arg);
  }
  return out;
}

/** The files alone (see collectInputs). */
export function expandInputs(args: string[], cwd: string): string[] {
  return collectInputs(args, cwd).files;
}
