// Peak resident memory of a child process, from Linux's /proc/<pid>/status (VmHWM, the high-water
// mark), sampled until the process ends. Used by the bench and by the memory test.
import { spawn } from "child_process";
import * as fs from "fs";

export interface PeakRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size in MB (0 where /proc is not available). */
  peakMB: number;
  ms: number;
}

function highWaterKB(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // the process has ended
  }
}

/** Runs `node args…` and samples its peak memory every 20 ms. stdout is kept only when asked. */
export function runWithPeakRss(args: string[], cwd: string, keepStdout = true): Promise<PeakRun> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let peak = 0;
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      if (keepStdout) stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, highWaterKB(child.pid));
    }, 20);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(timer);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      resolve({ code, stdout, stderr, peakMB: peak / 1024, ms });
    });
  });
}
