import * as fs from "fs";
import * as path from "path";
import webpack from "webpack";
import { addinGuideText } from "../../src/i18n/release";
import { regFileBytes, removeCatalogReg, trustCatalogReg } from "./registry";
import type { ZipEntry } from "./zip";

export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Folder of the local office.js copy, beside taskpane.html (KENSHO_OFFICE_JS=local). */
export const LOCAL_OFFICE_JS_DIR = "office-js";
const DEV_URL = "https://localhost:3000/";

/** Office loads add-ins over HTTPS only; one trailing slash, as webpack.config.js expects. */
export function normaliseBaseUrl(input: string): string {
  const url = input.trim().replace(/\/*$/, "/");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`KENSHO_BASE_URL is not a URL: "${input}"`);
  }
  if (parsed.protocol !== "https:")
    throw new Error(`KENSHO_BASE_URL must start with https:// (Office needs HTTPS): "${input}"`);
  if (parsed.search || parsed.hash)
    throw new Error(`KENSHO_BASE_URL must not carry a query or fragment: "${input}"`);
  return url;
}

/**
 * Which files of @microsoft/office-js/dist a local copy carries: the loader, Excel's host scripts,
 * the shared folders (locales, telemetry, error pages) — not the debug builds, typings or the
 * other Office applications' scripts (about 15 MB instead of 86 MB).
 */
export function officeJsFileWanted(relative: string): boolean {
  const parts = relative.split(/[\\/]/);
  const base = parts[parts.length - 1];
  if (/\.debug\.js$|\.d\.ts$/.test(base) || base === "office-vsdoc.js") return false;
  if (parts.length === 1 && /^(outlook|word|powerpoint|onenote|project|access|custom-functions)/i.test(base))
    return false;
  return true;
}

const CDN_SRC = new RegExp(
  `\\bsrc=(["']?)${OFFICE_JS_CDN.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\1(?=[\\s>/])`,
  "g",
);

/**
 * Points a page's office.js at the local copy. The built pages are minified (html-webpack-plugin
 * drops attribute quotes), so the src is matched with or without them; it must occur exactly once.
 */
export function useLocalOfficeJs(html: string): string {
  const count = html.match(CDN_SRC)?.length ?? 0;
  if (count !== 1)
    throw new Error(`expected one <script src> of ${OFFICE_JS_CDN} in the page, found ${count}`);
  return html.replace(CDN_SRC, `src="${LOCAL_OFFICE_JS_DIR}/office.js"`);
}

function filesUnder(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(path.join(dir, entry.name), rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** Builds the task pane with the project's own webpack.config.js, into outDir, for baseUrl. */
export async function buildWeb(root: string, outDir: string, baseUrl: string): Promise<void> {
  const previous = process.env.KENSHO_BASE_URL;
  process.env.KENSHO_BASE_URL = baseUrl;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const factory = require(path.join(root, "webpack.config.js")) as (
      env: Record<string, unknown>,
      argv: Record<string, unknown>,
    ) => Promise<webpack.Configuration>;
    const config = await factory({ webOnly: true }, { mode: "production" });
    config.context = root;
    config.output = { ...config.output, path: outDir, clean: true };
    config.performance = { hints: false };
    await new Promise<void>((resolve, reject) =>
      webpack(config, (err, stats) => {
        if (err) return reject(err);
        if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve();
      }),
    );
  } finally {
    if (previous === undefined) delete process.env.KENSHO_BASE_URL;
    else process.env.KENSHO_BASE_URL = previous;
  }
}

export interface AddinPackageInput {
  /** The built task pane (buildWeb), manifest.xml included. */
  webDir: string;
  baseUrl: string;
  catalog: string;
  /** @microsoft/office-js's dist folder and version, for KENSHO_OFFICE_JS=local; null for the CDN. */
  officeJs: { dist: string; version: string } | null;
}

/**
 * kensho-addin.zip:
 *   web/                  the task pane, for the HTTPS server at KENSHO_BASE_URL
 *   manifest.xml          the manifest, every URL under KENSHO_BASE_URL
 *   catalog/manifest.xml  the same manifest, for the shared folder KENSHO_CATALOG
 *   kensho-catalog.reg, kensho-catalog-remove.reg, 配置手順.txt
 */
export function addinZipEntries(input: AddinPackageInput): ZipEntry[] {
  const manifest = fs.readFileSync(path.join(input.webDir, "manifest.xml"), "utf8");
  if (manifest.includes(DEV_URL)) throw new Error(`the built manifest still points at ${DEV_URL}`);
  if (!manifest.includes(`<SourceLocation DefaultValue="${input.baseUrl}taskpane.html"/>`))
    throw new Error(`the built manifest's SourceLocation is not under ${input.baseUrl}`);

  const entries: ZipEntry[] = [];
  for (const rel of filesUnder(input.webDir)) {
    if (rel === "manifest.xml") continue;
    let data: Uint8Array = fs.readFileSync(path.join(input.webDir, rel));
    if (input.officeJs && rel.endsWith(".html"))
      data = Buffer.from(useLocalOfficeJs(Buffer.from(data).toString("utf8")));
    entries.push({ name: `web/${rel}`, data });
  }
  if (input.officeJs) {
    for (const rel of filesUnder(input.officeJs.dist).filter(officeJsFileWanted))
      entries.push({
        name: `web/${LOCAL_OFFICE_JS_DIR}/${rel}`,
        data: fs.readFileSync(path.join(input.officeJs.dist, ...rel.split("/"))),
      });
  }
  const manifestBytes = Buffer.from(manifest, "utf8");
  const guide = addinGuideText({
    baseUrl: input.baseUrl,
    catalog: input.catalog,
    officeJsLocal: input.officeJs !== null,
    officeJsVersion: input.officeJs?.version ?? "",
  });
  entries.push(
    { name: "manifest.xml", data: manifestBytes },
    { name: "catalog/manifest.xml", data: manifestBytes },
    { name: "kensho-catalog.reg", data: regFileBytes(trustCatalogReg(input.catalog)) },
    { name: "kensho-catalog-remove.reg", data: regFileBytes(removeCatalogReg()) },
    { name: "配置手順.txt", data: Buffer.from(`\uFEFF${guide}`, "utf8") },
  );
  return entries;
}
