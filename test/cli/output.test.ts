// A report that cannot be written (closed pipe, full disk) ends with a Japanese message and exit 2,
// never a stack trace.
import * as fs from "fs";
import * as path from "path";
import { spawn, spawnSync } from "child_process";
import { safeProcessIo, outputFailureMessage } from "../../src/cli/output/safeOutput";
import { stripControls, stripControlsInline } from "../../src/cli/output/sanitize";
import { ChunkedWriter, writeJson } from "../../src/cli/output/chunkedWriter";

const BIN = path.join(__dirname, "..", "..", "bin", "kensho.js");
const STACK = /\n\s+at |Error:|node:internal/;

test("a closed pipe (kensho … | head) stops the output with a message and exit 2", async () => {
  const child = spawn(process.execPath, [BIN, "--json"], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.destroy(); // the reader goes away before kensho writes
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(code).toBe(2);
  expect(stderr).toContain("出力先（パイプ）が閉じられた");
  expect(stderr).not.toMatch(STACK);
});

const full = fs.existsSync("/dev/full") ? test : test.skip;
full("a full disk (/dev/full) gives a message and exit 2", () => {
  const fd = fs.openSync("/dev/full", "w");
  try {
    const res = spawnSync(process.execPath, [BIN], { stdio: ["ignore", fd, "pipe"], encoding: "utf8" });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain("ディスクの空き容量が足りない");
    expect(res.stderr).not.toMatch(STACK);
  } finally {
    fs.closeSync(fd);
  }
});

test("a write that throws at once is handled the same way", () => {
  const listeners: ((e: NodeJS.ErrnoException) => void)[] = [];
  let err = "";
  const proc = {
    stdout: {
      write: () => {
        throw Object.assign(new Error("no space"), { code: "ENOSPC" });
      },
      on: (_e: "error", l: (e: NodeJS.ErrnoException) => void) => listeners.push(l),
    },
    stderr: { write: (t: string) => (err += t), on: () => undefined },
    exitCode: 0 as number | string | null | undefined,
    cwd: () => "/",
  };
  const io = safeProcessIo(proc);
  io.stdout("report");
  io.stdout("more"); // ignored once broken
  expect(proc.exitCode).toBe(2);
  expect(err).toBe(`${outputFailureMessage({ code: "ENOSPC" } as NodeJS.ErrnoException)}\n`);
});

test("control characters go; line breaks stay where the format allows them", () => {
  expect(stripControls("a\u001b[2Jb\u0007\u009b1m\u202ec\nd\r\ne")).toBe("a[2Jb1mc\nd\ne");
  expect(stripControlsInline("a\u001b\nb\tc")).toBe("a b c");
});

test("writeJson writes exactly what JSON.stringify(value, null, 2) does, in pieces", () => {
  const value = { a: [1, "x", null, { b: [], c: {} }], d: { e: true, f: undefined }, g: "\u3000", h: [[]] };
  let text = "";
  let pieces = 0;
  const out = new ChunkedWriter((t) => {
    text += t;
    pieces++;
  });
  writeJson(value, out);
  out.flush();
  expect(text).toBe(JSON.stringify(value, null, 2));
  expect(pieces).toBe(1);
});

test("arrays of flat records (rows, findings) come out exactly as JSON.stringify writes them", () => {
  const rows = [{ a: 1, b: "x\ny", c: null, d: undefined, e: true, f: NaN }, {}, { g: "\u001b[2J", h: -0 }];
  const value = { files: [{ rows, findings: rows }], flat: rows, nested: [[rows[0]]] };
  const replacer = (_k: string, v: unknown) => (typeof v === "string" ? v.split("\u001b").join("") : v);
  let text = "";
  const out = new ChunkedWriter((t) => (text += t));
  writeJson(value, out, replacer);
  out.flush();
  expect(text).toBe(JSON.stringify(value, replacer, 2));
});
