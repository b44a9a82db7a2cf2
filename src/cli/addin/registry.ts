// The .reg files that make a shared folder a trusted add-in catalog for the current user, as in
// Microsoft's "Sideload Office Add-ins for testing from a network share" (office-js-docs-pr,
// docs/testing/create-a-network-shared-folder-catalog-for-task-pane-and-content-add-ins.md):
// a key named by a GUID under HKCU\Software\Microsoft\Office\16.0\WEF\TrustedCatalogs holding
// "Id" (the same GUID), "Url" (the folder's full network path) and "Flags"=dword:1 (show in menu).

/** kensho's own catalog entry: one fixed GUID, so an update replaces it and removal finds it. */
export const KENSHO_CATALOG_ID = "{57DB2FD8-E344-4B4F-8242-0746E4FB3CE1}";
export const TRUSTED_CATALOGS_KEY =
  "HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs";

const regString = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

export function trustCatalogReg(catalog: string): string {
  return [
    "Windows Registry Editor Version 5.00",
    "",
    `[${TRUSTED_CATALOGS_KEY}\\${KENSHO_CATALOG_ID}]`,
    `"Id"=${regString(KENSHO_CATALOG_ID)}`,
    `"Url"=${regString(catalog)}`,
    '"Flags"=dword:00000001',
    "",
  ].join("\r\n");
}

export function removeCatalogReg(): string {
  return [
    "Windows Registry Editor Version 5.00",
    "",
    `[-${TRUSTED_CATALOGS_KEY}\\${KENSHO_CATALOG_ID}]`,
    "",
  ].join("\r\n");
}

/** Regedit's own format: UTF-16LE with a byte order mark, so any folder name survives. */
export const regFileBytes = (text: string) =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
