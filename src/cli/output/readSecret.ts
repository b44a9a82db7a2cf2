// Asking for a password without putting it on the command line, where other users see it in the
// process list and it stays in the shell's history. On a terminal the typed characters are not
// echoed; from a pipe (a script, a password manager) the first line is read.

export interface SecretInput {
  isTTY?: boolean;
  setRawMode?: (mode: boolean) => unknown;
  setEncoding(encoding: "utf8"): unknown;
  on(event: "data", listener: (chunk: string) => void): unknown;
  on(event: "end" | "error", listener: () => void): unknown;
  removeListener(event: "data", listener: (chunk: string) => void): unknown;
  removeListener(event: "end" | "error", listener: () => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

/** Reads one secret line; null when none was given (Ctrl+C, or the input ended empty). */
export function readSecret(
  input: SecretInput,
  prompt: (text: string) => void,
  promptText: string,
): Promise<string | null> {
  const tty = Boolean(input.isTTY && input.setRawMode);
  return new Promise((resolve) => {
    let typed = "";
    let done = false;
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return finish(typed);
        if (tty && ch === "\u0003") return finish(null); // Ctrl+C
        if (tty && ch === "\u0004") return finish(typed === "" ? null : typed); // Ctrl+D
        if (tty && (ch === "\u007f" || ch === "\b")) typed = [...typed].slice(0, -1).join("");
        else typed += ch;
      }
    };
    const onEnd = () => finish(typed === "" ? null : typed);
    const onError = () => finish(null);
    function finish(value: string | null): void {
      if (done) return;
      done = true;
      if (tty) {
        input.setRawMode!(false);
        prompt("\n");
      }
      input.removeListener("data", onData);
      input.removeListener("end", onEnd);
      input.removeListener("error", onError);
      input.pause();
      resolve(value);
    }
    if (tty) {
      prompt(promptText);
      input.setRawMode!(true);
    }
    input.setEncoding("utf8");
    input.on("data", onData);
    input.on("end", onEnd);
    input.on("error", onError);
    input.resume();
  });
}
