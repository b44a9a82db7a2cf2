// A city's add-in package, from the payload and three settings. The same entries become the
// folder `kensho addin -o` writes and kensho-addin.zip of `npm run release`:
//
//   web/                     the task pane for the HTTPS server at --url (web.config for IIS)
//   catalog/manifest.xml     the manifest, every URL under --url, for the shared folder --catalog
//   kensho-catalog.reg       trusts --catalog for the current user; kensho-catalog-remove.reg undoes it
//   配置手順.txt              this package's steps, with its URL and folder written in
//   配置手順.md               the IT desk's runbook;  THIRD-PARTY-NOTICES.txt  the licences
import { addinGuideText } from "../../i18n/addin";
import { configureManifest } from "./manifest";
import { LOCAL_OFFICE_JS_DIR, useLocalOfficeJs } from "./officeJs";
import { NOTICES_FILE, RUNBOOK_FILE, type AddinPayload } from "./payload";
import { regFileBytes, removeCatalogReg, trustCatalogReg } from "./registry";
import type { OfficeJsMode } from "./settings";
import { webConfigXml } from "./webConfig";

export interface PackageEntry {
  /** Path inside the package, with "/" separators. */
  name: string;
  data: Uint8Array;
}

export interface AddinSettings {
  baseUrl: string;
  catalog: string;
  officeJs: OfficeJsMode;
}

export type PackageProblem = "no-office-js";

const windowsText = (text: string) => Buffer.from(`\uFEFF${text.replace(/\r?\n/g, "\r\n")}`, "utf8");

export function addinPackageEntries(p: AddinPayload, s: AddinSettings): PackageEntry[] | PackageProblem {
  const local = s.officeJs === "local";
  if (local && !p.officeJs) return "no-office-js";
  const entries: PackageEntry[] = [];
  for (const [rel, data] of p.web) {
    const page = local && rel.endsWith(".html");
    entries.push({
      name: `web/${rel}`,
      data: page ? Buffer.from(useLocalOfficeJs(Buffer.from(data).toString("utf8"))) : data,
    });
  }
  if (local)
    for (const [rel, data] of p.officeJs!) entries.push({ name: `web/${LOCAL_OFFICE_JS_DIR}/${rel}`, data });
  const guide = addinGuideText({
    baseUrl: s.baseUrl,
    catalog: s.catalog,
    officeJsLocal: local,
    officeJsVersion: p.officeJsVersion,
  });
  entries.push(
    { name: "web/web.config", data: Buffer.from(webConfigXml(), "utf8") },
    {
      name: "catalog/manifest.xml",
      data: Buffer.from(configureManifest(p.manifestTemplate, s.baseUrl), "utf8"),
    },
    { name: "kensho-catalog.reg", data: regFileBytes(trustCatalogReg(s.catalog)) },
    { name: "kensho-catalog-remove.reg", data: regFileBytes(removeCatalogReg()) },
    { name: "配置手順.txt", data: windowsText(guide) },
    { name: RUNBOOK_FILE, data: Buffer.from(p.runbook, "utf8") },
    { name: NOTICES_FILE, data: Buffer.from(p.notices, "utf8") },
  );
  const names = new Set<string>();
  for (const e of entries) {
    if (names.has(e.name)) throw new Error(`duplicate package entry ${e.name}`);
    names.add(e.name);
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
