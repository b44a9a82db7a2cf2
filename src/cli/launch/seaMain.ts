// Entry point of the single executable (kensho.exe, kensho-linux-x64): bundled by
// scripts/release into one CommonJS script, with the sample workbook as a SEA asset.
//
// No code-page switching (chcp 65001) and no Shift_JIS: when stdout is a Windows console, Node
// (libuv) converts its UTF-8 to UTF-16 and writes with WriteConsoleW, so Japanese shows whatever
// the console's code page. Redirected output stays UTF-8, and the saved report has a BOM.
import * as os from "os";
import * as sea from "node:sea";
import { main, type CliIo } from "../main";
import { KENSHO_VERSION } from "../version";
import { processConsoleFacts } from "./consoleFacts";
import { runLauncher } from "./launcher";
import { SEA_SAMPLE_ASSET } from "./seaAssets";
import { waitForKey } from "./waitForKey";
import { readSecret } from "../output/readSecret";

function embeddedSample(): Uint8Array | null {
  try {
    return sea.isSea() ? new Uint8Array(sea.getAsset(SEA_SAMPLE_ASSET)) : null;
  } catch {
    return null;
  }
}

const io: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  env: process.env,
  readSecret: (prompt) => readSecret(process.stdin, (t) => process.stderr.write(t), prompt),
};

runLauncher(process.argv.slice(2), {
  facts: processConsoleFacts(sea.isSea()),
  io,
  main,
  sampleBytes: embeddedSample,
  waitForKey: () => waitForKey(process.stdin),
  now: () => new Date(),
  tmpDir: os.tmpdir(),
  version: KENSHO_VERSION,
}).then((code) => {
  process.exitCode = code;
});
