import * as path from "path";
import type { ConsoleFacts } from "./consoleFacts";

/**
 * kensho.exe in a console window of its own: the report also goes to a file beside the inputs, so
 * nothing is lost when the window closes. Redirected or piped output (scripts, `> 結果.txt`) and
 * every non-Windows or `node bin/kensho.js` run behave exactly as the plain CLI.
 */
export function writesReportFiles(f: ConsoleFacts): boolean {
  return f.platform === "win32" && f.isSea && f.stdoutIsTTY;
}

const sameWindowsPath = (a: string, b: string) =>
  path.win32.normalize(a.trim().replace(/^"|"$/g, "")).toLowerCase() ===
  path.win32.normalize(b).toLowerCase();

/**
 * Whether kensho.exe was started from Explorer (a double-click, or files dropped onto its icon or a
 * shortcut), so its console window would vanish the moment it finishes. Node cannot ask Windows
 * whether the console was created for this process (GetConsoleProcessList), so the decision rests
 * on facts that can be read, in this order:
 *
 * 1. only kensho.exe on Windows, with keyboard and screen attached (a redirect never waits);
 * 2. KENSHO_PAUSE=1 or 0 forces the answer (for odd setups, and documented for staff);
 * 3. PROMPT set means a cmd.exe is an ancestor: cmd defines it for every program it starts, and
 *    Explorer does not, so the window stays open anyway;
 * 4. a console created for a double-clicked program is titled with the program's full path;
 * 5. otherwise the parent process is asked for: explorer.exe (shortcuts, drag and drop, and the
 *    Windows Terminal hand-off, which keeps Explorer as the parent).
 *
 * A wrong "no" only closes the window early: the report file is still written beside the inputs.
 */
export function startedByDoubleClick(f: ConsoleFacts): boolean {
  if (f.platform !== "win32" || !f.isSea) return false;
  const forced = f.env.KENSHO_PAUSE;
  if (forced === "1") return true;
  if (forced === "0") return false;
  if (!f.stdinIsTTY || !f.stdoutIsTTY) return false;
  if (f.env.PROMPT !== undefined) return false;
  const title = f.consoleTitle();
  if (title && sameWindowsPath(title, f.execPath)) return true;
  return f.parentImageName()?.toLowerCase() === "explorer.exe";
}
