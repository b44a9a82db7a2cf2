import { spawnSync } from "child_process";
import * as path from "path";

/** What kensho.exe knows about how it was started. Injected, so the decisions are testable anywhere. */
export interface ConsoleFacts {
  platform: NodeJS.Platform;
  /** Running as a Node single executable application (kensho.exe), not as `node bin/kensho.js`. */
  isSea: boolean;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  execPath: string;
  /** The console window's title; on Windows Node reads it with GetConsoleTitleW. Null when unknown. */
  consoleTitle: () => string | null;
  /** The parent process's image name, such as "explorer.exe"; null when unknown. */
  parentImageName: () => string | null;
}

/** Asks Windows' own tasklist.exe (by full path, never through PATH) for the parent's image name. */
function windowsParentImageName(ppid: number, env: NodeJS.ProcessEnv): string | null {
  const tasklist = path.win32.join(
    env.SystemRoot ?? env.SYSTEMROOT ?? "C:\\Windows",
    "System32",
    "tasklist.exe",
  );
  try {
    const r = spawnSync(tasklist, ["/FI", `PID eq ${ppid}`, "/FO", "CSV", "/NH"], {
      encoding: "latin1",
      timeout: 3000,
      windowsHide: true,
    });
    return parseTasklistImageName(r.stdout ?? "");
  } catch {
    return null;
  }
}

/** First field of tasklist's CSV line: `"explorer.exe","4321","Console",...`. Anything else is unknown. */
export function parseTasklistImageName(stdout: string): string | null {
  const m = /^\s*"([^"]+\.exe)"\s*,\s*"\d+"/im.exec(stdout);
  return m ? m[1] : null;
}

export function processConsoleFacts(isSea: boolean): ConsoleFacts {
  return {
    platform: process.platform,
    isSea,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    execPath: process.execPath,
    consoleTitle: () => {
      try {
        return process.title || null;
      } catch {
        return null;
      }
    },
    parentImageName: () =>
      process.platform === "win32" ? windowsParentImageName(process.ppid, process.env) : null,
  };
}
