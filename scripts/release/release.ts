// `npm run release`: writes release/ from this checkout, with no network once `npm ci` has run
// (it fetched the pinned Node runtimes into node_modules/.cache; see runtimes.ts).
//
//   release/kensho-win-x64.exe    the CLI as a Node single executable application (SEA)
//   release/kensho-linux-x64      the same for Linux (tested in CI with no node on PATH)
//   release/kensho-win-x64.zip    exe + 使い方.txt + SHA-256
//   release/kensho-addin.zip      task pane, manifests, trusted-catalog .reg files, 配置手順.txt
//   release/SHA256SUMS.txt
//
// Settings (environment): KENSHO_BASE_URL (https://…, where the pane is hosted), KENSHO_CATALOG
// (\\server\share, the shared-folder catalog), KENSHO_OFFICE_JS=local (carry office.js; unsupported
// by Microsoft, see docs/deployment.md).
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { usageText } from "../../src/i18n/release";
import { SEA_SAMPLE_ASSET } from "../../src/cli/launch/seaAssets";
import { SAMPLE_RELATIVE_PATH } from "../../src/cli/sampleWorkbook";
import { KENSHO_VERSION } from "../../src/cli/version";
import { addinZipEntries, buildWeb, normaliseBaseUrl } from "./addin";
import { buildDir, projectRoot, releaseDir } from "./paths";
import {
  certificateTable,
  listResources,
  parsePe,
  peChecksum,
  RT_RCDATA,
  stripAuthenticode,
  writeChecksum,
} from "./pe";
import { normaliseCatalogPath } from "./registry";
import { fetchRuntime, NODE_VERSION, runtimePin, type Target } from "./runtimes";
import { bundleCli, injectBlob, nodeVersionOf, SEA_FUSE, writeSeaBlob } from "./sea";
import { extractTarEntry } from "./tarball";
import { makeZip } from "./zip";

export const ARTIFACTS = {
  winExe: "kensho-win-x64.exe",
  linuxBinary: "kensho-linux-x64",
  winZip: "kensho-win-x64.zip",
  addinZip: "kensho-addin.zip",
  sums: "SHA256SUMS.txt",
  blob: "kensho.blob",
  /** What the release was built with, for the artifact tests (release/.build/release.json). */
  settings: "release.json",
} as const;

export interface ReleaseSettings {
  kensho: string;
  node: string;
  baseUrl: string;
  catalog: string;
  officeJs: "cdn" | "local";
}

const PLACEHOLDER_BASE_URL = "https://kensho.invalid/";
const PLACEHOLDER_CATALOG = "\\\\fileserver.invalid\\addins";

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

function step<T>(label: string, run: () => T): T {
  const t = Date.now();
  const result = run();
  if (result instanceof Promise)
    return result.then((v) => (log(`${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`), v)) as T;
  log(`${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  return result;
}
const log = (s: string) => process.stdout.write(`release: ${s}\n`);

function runtimeBinary(root: string, target: Target, out: string): string {
  const tgz = fs.readFileSync(fetchRuntime(root, runtimePin(target)));
  fs.writeFileSync(out, extractTarEntry(tgz, runtimePin(target).entry), { mode: 0o755 });
  return out;
}

/** The node that prepares the blob must be the pinned version: the host's pinned runtime, if any. */
function blobGenerator(linuxNode: string, winNode: string): string {
  const host = `${process.platform}-${process.arch}`;
  const candidate = host === "linux-x64" ? linuxNode : host === "win32-x64" ? winNode : process.execPath;
  const version = nodeVersionOf(candidate);
  if (version !== `v${NODE_VERSION}`)
    throw new Error(`the SEA blob must be prepared by Node v${NODE_VERSION}; ${candidate} is ${version}`);
  return candidate;
}

/** Checks the injected Windows executable, fixes its checksum, and returns it. */
function finishWindowsExe(exe: string, blob: Buffer): Buffer {
  const buf = fs.readFileSync(exe);
  writeChecksum(buf);
  const img = parsePe(buf);
  const resource = listResources(buf, img).find((r) => r.type === RT_RCDATA && r.name === "NODE_SEA_BLOB");
  if (!resource || !resource.data.equals(blob))
    throw new Error("kensho-win-x64.exe does not carry the SEA blob");
  if (!buf.includes(`${SEA_FUSE}:1`)) throw new Error("kensho-win-x64.exe: the SEA fuse is not set");
  if (certificateTable(buf, img).size !== 0)
    throw new Error("kensho-win-x64.exe still has a certificate table");
  if (peChecksum(buf, img) !== buf.readUInt32LE(img.checksumOffset)) throw new Error("checksum not updated");
  fs.writeFileSync(exe, buf);
  return buf;
}

async function main() {
  const root = projectRoot();
  const out = releaseDir(root);
  const build = buildDir(root);
  const started = Date.now();
  const baseUrl = normaliseBaseUrl(process.env.KENSHO_BASE_URL || PLACEHOLDER_BASE_URL);
  const catalog = normaliseCatalogPath(process.env.KENSHO_CATALOG || PLACEHOLDER_CATALOG);
  const officeJsMode = (process.env.KENSHO_OFFICE_JS || "cdn").toLowerCase() as "cdn" | "local";
  if (officeJsMode !== "cdn" && officeJsMode !== "local")
    throw new Error(`KENSHO_OFFICE_JS must be "local" or "cdn", not "${process.env.KENSHO_OFFICE_JS}"`);
  if (!process.env.KENSHO_BASE_URL || !process.env.KENSHO_CATALOG)
    log(
      `WARNING: KENSHO_BASE_URL and/or KENSHO_CATALOG unset; the add-in package uses the placeholders ` +
        `${PLACEHOLDER_BASE_URL} and ${PLACEHOLDER_CATALOG} and cannot be deployed as it is`,
    );

  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(build, { recursive: true });
  const settings: ReleaseSettings = {
    kensho: KENSHO_VERSION,
    node: NODE_VERSION,
    baseUrl,
    catalog,
    officeJs: officeJsMode,
  };
  fs.writeFileSync(path.join(build, ARTIFACTS.settings), `${JSON.stringify(settings, null, 2)}\n`);

  const linuxNode = step("Node runtime linux-x64", () =>
    runtimeBinary(root, "linux-x64", path.join(build, "node-linux-x64")),
  );
  const winNode = step("Node runtime win-x64", () =>
    runtimeBinary(root, "win-x64", path.join(build, "node-win-x64.exe")),
  );
  const script = await step("CLI bundle (webpack)", () => bundleCli(root, build));
  const blobFile = path.join(build, ARTIFACTS.blob);
  step("SEA blob", () =>
    writeSeaBlob(
      blobGenerator(linuxNode, winNode),
      script,
      { [SEA_SAMPLE_ASSET]: path.join(root, SAMPLE_RELATIVE_PATH) },
      blobFile,
    ),
  );

  const linuxOut = path.join(out, ARTIFACTS.linuxBinary);
  const winOut = path.join(out, ARTIFACTS.winExe);
  fs.copyFileSync(linuxNode, linuxOut);
  fs.writeFileSync(winOut, stripAuthenticode(fs.readFileSync(winNode)));
  await step("postject (Linux and Windows, in parallel)", () =>
    Promise.all([injectBlob(linuxOut, blobFile), injectBlob(winOut, blobFile)]),
  );
  fs.chmodSync(linuxOut, 0o755);
  const exe = step("check kensho-win-x64.exe", () => finishWindowsExe(winOut, fs.readFileSync(blobFile)));

  const exeSum = `${sha256(exe)}  ${ARTIFACTS.winExe}\n`;
  const winZip = step("kensho-win-x64.zip", () =>
    makeZip([
      { name: ARTIFACTS.winExe, data: exe },
      { name: "使い方.txt", data: Buffer.from(`\uFEFF${usageText(KENSHO_VERSION, NODE_VERSION)}`, "utf8") },
      { name: `${ARTIFACTS.winExe}.sha256`, data: Buffer.from(exeSum, "utf8") },
    ]),
  );
  fs.writeFileSync(path.join(out, ARTIFACTS.winZip), winZip);

  const webDir = path.join(build, "web");
  await step(`task pane for ${baseUrl} (webpack)`, () => buildWeb(root, webDir, baseUrl));
  const officeJsDist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");
  const officeJs =
    officeJsMode === "local"
      ? {
          dist: officeJsDist,
          version: (
            JSON.parse(fs.readFileSync(path.join(officeJsDist, "..", "package.json"), "utf8")) as {
              version: string;
            }
          ).version,
        }
      : null;
  const addinZip = step(`kensho-addin.zip (office.js: ${officeJsMode})`, () =>
    makeZip(addinZipEntries({ webDir, baseUrl, catalog, officeJs })),
  );
  fs.writeFileSync(path.join(out, ARTIFACTS.addinZip), addinZip);

  const sums = [ARTIFACTS.winExe, ARTIFACTS.linuxBinary, ARTIFACTS.winZip, ARTIFACTS.addinZip]
    .map((name) => `${sha256(fs.readFileSync(path.join(out, name)))}  ${name}`)
    .join("\n");
  fs.writeFileSync(path.join(out, ARTIFACTS.sums), `${sums}\n`);

  for (const name of [ARTIFACTS.winExe, ARTIFACTS.linuxBinary, ARTIFACTS.winZip, ARTIFACTS.addinZip])
    log(`${name}  ${mib(fs.statSync(path.join(out, name)).size)}`);
  log(
    `done in ${((Date.now() - started) / 1000).toFixed(1)} s (Node ${NODE_VERSION}, kensho ${KENSHO_VERSION})`,
  );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`release: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
