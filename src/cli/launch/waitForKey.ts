/** Resolves on the next key press (raw mode), or when input ends, so a pause can never hang. */
export function waitForKey(stdin: NodeJS.ReadStream): Promise<void> {
  return new Promise((resolve) => {
    const raw = Boolean(stdin.isTTY);
    const done = () => {
      stdin.off("data", done);
      stdin.off("end", done);
      stdin.off("error", done);
      if (raw) stdin.setRawMode(false);
      stdin.pause();
      resolve();
    };
    if (raw) stdin.setRawMode(true);
    stdin.on("data", done);
    stdin.on("end", done);
    stdin.on("error", done);
    stdin.resume();
  });
}
