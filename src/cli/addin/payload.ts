// What `kensho addin` writes a city's package from: the built task pane, office.js for networks
// without Microsoft's CDN, the manifest with its dev-server URLs, the licence notices and the IT
// desk's runbook. The single executable carries it as one zip asset; from a checkout it is read
// from the webpack build (npm run build).
import * as fs from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { LOCAL_OFFICE_JS_DIR, officeJsFileWanted } from "./officeJs";
import { renderNotices, type LicenseRecord } from "./notices";

/** Key of the payload in the single executable's assets (sea-config.json `assets`). */
export const SEA_ADDIN_ASSET = "kensho-addin-files.zip";
/** webpack-license-plugin's report of the pane's bundled packages, beside the pane build. */
export const WEB_LICENSES_FILE = "oss-licenses.json";
export const NOTICES_FILE = "THIRD-PARTY-NOTICES.txt";
export const RUNBOOK_FILE = "配置手順.md";

export interface AddinPayload {
  /** The built pane, by path relative to web/ (no manifest, no licence report). */
  web: Map<string, Uint8Array>;
  /** A subset of @microsoft/office-js/dist by relative path, or null when none is carried. */
  officeJs: Map<string, Uint8Array> | null;
  officeJsVersion: string;
  /** manifest.xml as in the repository (every URL under the dev server). */
  manifestTemplate: string;
  notices: string;
  runbook: string;
}

interface PayloadMeta {
  officeJsVersion: string;
}

const utf8 = (b: Uint8Array) => Buffer.from(b).toString("utf8");

/** The payload as zip entries (the single executable's asset), in a fixed order. */
export function payloadEntries(p: AddinPayload): { name: string; data: Uint8Array }[] {
  const meta: PayloadMeta = { officeJsVersion: p.officeJsVersion };
  const entries = [
    ...[...p.web].map(([rel, data]) => ({ name: `web/${rel}`, data })),
    ...[...(p.officeJs ?? [])].map(([rel, data]) => ({ name: `${LOCAL_OFFICE_JS_DIR}/${rel}`, data })),
    { name: "manifest.xml", data: Buffer.from(p.manifestTemplate, "utf8") },
    { name: NOTICES_FILE, data: Buffer.from(p.notices, "utf8") },
    { name: RUNBOOK_FILE, data: Buffer.from(p.runbook, "utf8") },
    { name: "payload.json", data: Buffer.from(JSON.stringify(meta), "utf8") },
  ];
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The payload back from the asset's bytes. */
export function payloadFromZip(bytes: Uint8Array): AddinPayload {
  const files = unzipSync(bytes);
  const need = (name: string) => {
    const f = files[name];
    if (!f) throw new Error(`the add-in files have no ${name}`);
    return f;
  };
  const meta = JSON.parse(utf8(need("payload.json"))) as PayloadMeta;
  const web = new Map<string, Uint8Array>();
  const officeJs = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith("/")) continue;
    if (name.startsWith("web/")) web.set(name.slice(4), data);
    else if (name.startsWith(`${LOCAL_OFFICE_JS_DIR}/`))
      officeJs.set(name.slice(LOCAL_OFFICE_JS_DIR.length + 1), data);
  }
  return {
    web,
    officeJs: officeJs.size > 0 ? officeJs : null,
    officeJsVersion: meta.officeJsVersion,
    manifestTemplate: utf8(need("manifest.xml")),
    notices: utf8(need(NOTICES_FILE)),
    runbook: utf8(need(RUNBOOK_FILE)),
  };
}

/** Every file under dir by "/"-separated relative path, sorted. */
export function filesUnder(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(path.join(dir, entry.name), rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

const readTree = (dir: string, keep: (rel: string) => boolean = () => true) =>
  new Map(
    filesUnder(dir)
      .filter(keep)
      .map((rel) => [rel, new Uint8Array(fs.readFileSync(path.join(dir, rel)))]),
  );

/** @microsoft/office-js's dist subset and version, or null when the package is not installed. */
export function officeJsFromPackage(
  root: string,
): { files: Map<string, Uint8Array>; version: string; terms: string } | null {
  const pkg = path.join(root, "node_modules", "@microsoft", "office-js");
  if (!fs.existsSync(path.join(pkg, "dist", "office.js"))) return null;
  return {
    files: readTree(path.join(pkg, "dist"), officeJsFileWanted),
    version: (JSON.parse(fs.readFileSync(path.join(pkg, "package.json"), "utf8")) as { version: string })
      .version,
    terms: fs.readFileSync(path.join(pkg, "LICENSE.md"), "utf8"),
  };
}

/** The pane's bundled packages, as webpack-license-plugin reported them in the build. */
export function webLicenses(webDir: string): LicenseRecord[] {
  return JSON.parse(fs.readFileSync(path.join(webDir, WEB_LICENSES_FILE), "utf8")) as LicenseRecord[];
}

export const paneFiles = (webDir: string) =>
  readTree(webDir, (rel) => rel !== "manifest.xml" && rel !== WEB_LICENSES_FILE);

export type CheckoutProblem = "no-checkout" | "no-web-build";

/**
 * The payload of a checkout (`npx kensho addin`): the webpack build in dist/web, office.js from
 * node_modules, manifest.xml and docs/deployment.md. Null with a reason when there is none.
 */
export function checkoutPayload(start = __dirname): AddinPayload | CheckoutProblem {
  const isKensho = (dir: string) => {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string };
      return pkg.name === "kensho" && fs.existsSync(path.join(dir, "manifest.xml"));
    } catch {
      return false;
    }
  };
  let root = start;
  while (!isKensho(root)) {
    const parent = path.dirname(root);
    if (parent === root) return "no-checkout";
    root = parent;
  }
  const webDir = path.join(root, "dist", "web");
  if (
    !fs.existsSync(path.join(webDir, "taskpane.html")) ||
    !fs.existsSync(path.join(webDir, WEB_LICENSES_FILE))
  )
    return "no-web-build";
  const office = officeJsFromPackage(root);
  return {
    web: paneFiles(webDir),
    officeJs: office?.files ?? null,
    officeJsVersion: office?.version ?? "",
    manifestTemplate: fs.readFileSync(path.join(root, "manifest.xml"), "utf8"),
    notices: renderNotices([
      { title: "Task pane (bundled npm packages)", packages: webLicenses(webDir) },
      ...(office
        ? [{ title: `office.js (@microsoft/office-js ${office.version})`, text: office.terms }]
        : []),
    ]),
    runbook: fs.readFileSync(path.join(root, "docs", "deployment.md"), "utf8"),
  };
}
