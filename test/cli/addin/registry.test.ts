import {
  KENSHO_CATALOG_ID,
  regFileBytes,
  removeCatalogReg,
  trustCatalogReg,
} from "../../../src/cli/addin/registry";
import { checkCatalogPath } from "../../../src/cli/addin/settings";

const normaliseCatalogPath = (input: string) => {
  const r = checkCatalogPath(input);
  if (!r.ok) throw new Error(`KENSHO_CATALOG ${r.problem.code}`);
  return r.value;
};

test("the trust .reg is Microsoft's documented shape, with the folder's backslashes doubled", () => {
  expect(trustCatalogReg("\\\\fileserver\\addins")).toBe(
    [
      "Windows Registry Editor Version 5.00",
      "",
      `[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\${KENSHO_CATALOG_ID}]`,
      `"Id"="${KENSHO_CATALOG_ID}"`,
      '"Url"="\\\\\\\\fileserver\\\\addins"',
      '"Flags"=dword:00000001',
      "",
    ].join("\r\n"),
  );
  expect(KENSHO_CATALOG_ID).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
});

test("the removal .reg deletes exactly kensho's key", () => {
  expect(removeCatalogReg()).toBe(
    "Windows Registry Editor Version 5.00\r\n\r\n" +
      `[-HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\${KENSHO_CATALOG_ID}]\r\n`,
  );
});

test("catalog paths: UNC only, forward slashes and a trailing backslash tidied, Japanese names kept", () => {
  expect(normaliseCatalogPath("//fileserver/addins/")).toBe("\\\\fileserver\\addins");
  expect(normaliseCatalogPath(" \\\\庁内サーバー\\アドイン\\kensho ")).toBe(
    "\\\\庁内サーバー\\アドイン\\kensho",
  );
  for (const bad of ["C:\\addins", "https://intra.example/addins", "\\\\onlyserver", '\\\\srv\\a"b'])
    expect(() => normaliseCatalogPath(bad)).toThrow("KENSHO_CATALOG");
});

test(".reg files are UTF-16LE with a BOM, as regedit writes them", () => {
  const bytes = regFileBytes(trustCatalogReg("\\\\庁内サーバー\\アドイン"));
  expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  expect(bytes.subarray(2).toString("utf16le")).toContain('"Url"="\\\\\\\\庁内サーバー\\\\アドイン"');
});
