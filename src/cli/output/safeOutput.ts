// Writing the report can fail: `kensho … | head` closes the pipe (EPIPE), a full disk refuses the
// file (ENOSPC). Either way kensho stops writing, says so in Japanese on stderr when it can, and
// exits 2; never a stack trace.
import { CLI_TEXT } from "../../i18n/cli";
import type { CliIo } from "../cliIo";
import { EXIT } from "../exitCodes";
import { readSecret, type SecretInput } from "./readSecret";

interface WritableLike {
  write(text: string): unknown;
  on(event: "error", listener: (err: NodeJS.ErrnoException) => void): unknown;
  isTTY?: boolean;
  writableNeedDrain?: boolean;
  once?(event: "drain" | "close" | "error", listener: () => void): unknown;
  removeListener?(event: "drain" | "close" | "error", listener: () => void): unknown;
}

interface ProcessLike {
  stdout: WritableLike;
  stderr: WritableLike;
  exitCode?: number | string | null;
  cwd(): string;
  env?: Readonly<Record<string, string | undefined>>;
  stdin?: SecretInput;
}

/** The message for a failed write of the report. */
export function outputFailureMessage(err: NodeJS.ErrnoException): string {
  if (err.code === "EPIPE") return CLI_TEXT.outputClosed;
  if (err.code === "ENOSPC") return CLI_TEXT.diskFull;
  return CLI_TEXT.outputFailed(err.code ?? err.message);
}

/** The process's stdout and stderr, guarded: a failed write ends output with a message and exit 2. */
export function safeProcessIo(proc: ProcessLike = process): CliIo {
  let stdoutBroken = false;
  let stderrBroken = false;
  const failStdout = (err: NodeJS.ErrnoException) => {
    if (stdoutBroken) return;
    stdoutBroken = true;
    proc.exitCode = EXIT.failure;
    if (!stderrBroken) {
      try {
        proc.stderr.write(`${outputFailureMessage(err)}\n`);
      } catch {
        stderrBroken = true;
      }
    }
  };
  proc.stdout.on("error", failStdout);
  // With stderr gone there is nowhere left to report; the exit status still says it.
  proc.stderr.on("error", () => {
    stderrBroken = true;
    proc.exitCode = EXIT.failure;
  });
  return {
    stdout: (text) => {
      if (stdoutBroken) return;
      try {
        proc.stdout.write(text);
      } catch (err) {
        failStdout(err as NodeJS.ErrnoException);
      }
    },
    stderr: (text) => {
      if (stderrBroken) return;
      try {
        proc.stderr.write(text);
      } catch {
        stderrBroken = true;
        proc.exitCode = EXIT.failure;
      }
    },
    stdoutWait: () =>
      new Promise<void>((resolve) => {
        const out = proc.stdout;
        if (stdoutBroken || !out.writableNeedDrain || !out.once) {
          resolve();
          return;
        }
        const finish = () => {
          for (const event of ["drain", "close", "error"] as const) out.removeListener?.(event, finish);
          resolve();
        };
        out.once("drain", finish);
        out.once("close", finish);
        out.once("error", finish);
      }),
    stderrIsTTY: Boolean(proc.stderr.isTTY),
    cwd: proc.cwd(),
    env: proc.env,
    readSecret: proc.stdin
      ? (prompt) => readSecret(proc.stdin!, (t) => proc.stderr.write(t), prompt)
      : undefined,
  };
}
