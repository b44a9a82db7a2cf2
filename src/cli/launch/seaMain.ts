// Entry point of the single executable (kensho.exe, kensho-linux-x64): bundled by
// scripts/release into one CommonJS script, with the sample workbook and the add-in's files as
// SEA assets.
//
// No code-page switching (chcp 65001) and no Shift_JIS: when stdout is a Windows console, Node
// (libuv) converts its UTF-8 to UTF-16 and writes with WriteConsoleW, so Japanese shows whatever
// the console's code page. Redirected output stays UTF-8, and the saved report has a BOM.
import * as os from "os";
import * as path from "path";
import * as sea from "node:sea";
import { main } from "../main";
import { safeProcessIo } from "../output/safeOutput";
import { payloadFromZip, SEA_ADDIN_ASSET } from "../addin/payload";
import { useEmbeddedPayload } from "../addin/payloadSource";
import { KENSHO_VERSION } from "../version";
import { processConsoleFacts } from "./consoleFacts";
import { runLauncher } from "./launcher";
import { SEA_SAMPLE_ASSET } from "./seaAssets";
import { waitForKey } from "./waitForKey";

function asset(key: string): Uint8Array | null {
  try {
    return sea.isSea() ? new Uint8Array(sea.getAsset(key)) : null;
  } catch {
    return null;
  }
}

// The executable never looks for a checkout around itself: without its asset it has no add-in files.
useEmbeddedPayload(() => {
  if (!sea.isSea()) return null;
  const zip = asset(SEA_ADDIN_ASSET);
  return zip ? payloadFromZip(zip) : "no-checkout";
});

// A closed pipe or a full disk ends the output with a Japanese message and exit 2 (never a stack
// trace), exactly as `npx kensho` does (src/cli/output/safeOutput.ts); the same io carries the
// environment (KENSHO_PASSWORD) and the secret prompt to the commands.
const io = safeProcessIo();

runLauncher(process.argv.slice(2), {
  facts: processConsoleFacts(sea.isSea()),
  io,
  main,
  sampleBytes: () => asset(SEA_SAMPLE_ASSET),
  waitForKey: () => waitForKey(process.stdin),
  now: () => new Date(),
  tmpDir: os.tmpdir(),
  version: KENSHO_VERSION,
  programName: sea.isSea() ? path.basename(process.execPath) : "kensho",
}).then((code) => {
  // A failed write of the report may already have set exit status 2.
  process.exitCode = Math.max(code, Number(process.exitCode ?? 0));
});
