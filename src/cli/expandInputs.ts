import * as fs from "fs";
import * as path from "path";

/** Excel's lock files ("~$報告.xlsx") sit beside open workbooks and are not workbooks. */
const isLockFile = (name: string) => name.startsWith("~$");
const isWorkbookName = (name: string) => /\.xls[xm]$/i.test(name) && !isLockFile(name);

function wildcardToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, "i");
}

/**
 * What staff type, turned into files: a folder means the workbooks in it (as collected from the
 * departments), and a wildcard is expanded here because Windows' cmd.exe passes `*.xlsx` through
 * as it is. Anything else is kept as given, so a missing file is reported, never skipped.
 */
export function expandInputs(args: string[], cwd: string): string[] {
  const out: string[] = [];
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(full);
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) {
      const names = fs
        .readdirSync(full)
        .filter(isWorkbookName)
        .sort((a, b) => a.localeCompare(b, "ja"));
      out.push(...names.map((n) => path.join(arg, n)));
      continue;
    }
    if (!stat && /[*?]/.test(path.basename(arg)) && !/[*?]/.test(path.dirname(arg))) {
      const dir = path.dirname(arg);
      const re = wildcardToRegExp(path.basename(arg));
      let names: string[] = [];
      try {
        names = fs.readdirSync(path.resolve(cwd, dir)).filter((n) => re.test(n) && !isLockFile(n));
      } catch {
        names = [];
      }
      if (names.length > 0) {
        out.push(
          ...names.sort((a, b) => a.localeCompare(b, "ja")).map((n) => (dir === "." ? n : path.join(dir, n))),
        );
        continue;
      }
    }
    out.push(arg);
  }
  return out;
}
