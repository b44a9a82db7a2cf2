// The CLI run in-process, as the tests drive it: every line it prints captured, never a TTY.
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/cliIo";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], cwd: string): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
    cwd,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
