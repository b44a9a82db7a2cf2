/** What a command may do to the outside world, injected so tests can run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  /** Resolves once stdout can take more (a pipe's reader has caught up); absent means always. */
  stdoutWait?: () => Promise<void>;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal, so a progress line may be redrawn in place. */
  stderrIsTTY: boolean;
  cwd: string;
  /** The environment (KENSHO_PASSWORD); absent means empty. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Asks for a secret (no echo on a terminal, the first line from a pipe); null when none given. */
  readSecret?: (prompt: string) => Promise<string | null>;
}

export const processIo = (): CliIo => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
});
