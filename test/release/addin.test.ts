import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync } from "fflate";
import {
  addinZipEntries,
  normaliseBaseUrl,
  OFFICE_JS_CDN,
  officeJsFileWanted,
  useLocalOfficeJs,
} from "../../scripts/release/addin";
import { makeZip } from "../../scripts/release/zip";

const BASE = "https://kensho.city.example.lg.jp/kensho/";
const ROOT = path.join(__dirname, "..", "..");
let web: string;
let officeDist: string;

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-addin-"));
  web = path.join(dir, "web");
  fs.mkdirSync(path.join(web, "assets"), { recursive: true });
  const page = (body: string) =>
    `<!doctype html><html><head><script src="${OFFICE_JS_CDN}"></script>${body}</head></html>`;
  fs.writeFileSync(path.join(web, "taskpane.html"), page('<script src="taskpane.js"></script>'));
  // As html-webpack-plugin minifies it: no attribute quotes.
  fs.writeFileSync(
    path.join(web, "commands.html"),
    `<html><head><script src=${OFFICE_JS_CDN}></script></head></html>`,
  );
  fs.writeFileSync(path.join(web, "taskpane.js"), "/* pane */");
  fs.writeFileSync(path.join(web, "assets", "icon-32.png"), Buffer.from([0x89, 0x50]));
  // The repository's manifest with the build's URL replacement, as webpack.config.js does it.
  const manifest = fs
    .readFileSync(path.join(ROOT, "manifest.xml"), "utf8")
    .split("https://localhost:3000/")
    .join(BASE);
  fs.writeFileSync(path.join(web, "manifest.xml"), manifest);
  officeDist = path.join(dir, "office-dist");
  fs.mkdirSync(path.join(officeDist, "ja-jp"), { recursive: true });
  for (const f of [
    "office.js",
    "excel-win32-16.01.js",
    "word-win32-16.01.js",
    "office.debug.js",
    "office.d.ts",
  ])
    fs.writeFileSync(path.join(officeDist, f), f);
  fs.writeFileSync(path.join(officeDist, "ja-jp", "office_strings.js"), "ja");
  fs.writeFileSync(path.join(officeDist, "ja-jp", "office_strings.debug.js"), "ja debug");
});
afterAll(() => fs.rmSync(path.dirname(web), { recursive: true, force: true }));

const byName = (entries: { name: string; data: Uint8Array }[]) =>
  new Map(entries.map((e) => [e.name, Buffer.from(e.data)]));

test("the package: web/ for the server, both manifests on KENSHO_BASE_URL, .reg files naming KENSHO_CATALOG", () => {
  const entries = byName(
    addinZipEntries({ webDir: web, baseUrl: BASE, catalog: "\\\\fileserver\\addins", officeJs: null }),
  );
  expect([...entries.keys()].sort()).toEqual(
    [
      "web/assets/icon-32.png",
      "web/commands.html",
      "web/taskpane.html",
      "web/taskpane.js",
      "manifest.xml",
      "catalog/manifest.xml",
      "kensho-catalog.reg",
      "kensho-catalog-remove.reg",
      "配置手順.txt",
    ].sort(),
  );
  const manifest = entries.get("manifest.xml")!.toString("utf8");
  expect(manifest).toContain(`<SourceLocation DefaultValue="${BASE}taskpane.html"/>`);
  expect(manifest).not.toContain("localhost");
  expect(entries.get("catalog/manifest.xml")!.equals(entries.get("manifest.xml")!)).toBe(true);
  expect(entries.get("kensho-catalog.reg")!.subarray(2).toString("utf16le")).toContain(
    '"Url"="\\\\\\\\fileserver\\\\addins"',
  );
  // Default: the pages keep Microsoft's CDN, and the guide says so.
  expect(entries.get("web/taskpane.html")!.toString()).toContain(OFFICE_JS_CDN);
  const guide = entries.get("配置手順.txt")!.toString("utf8");
  expect(guide.startsWith("\uFEFF")).toBe(true);
  expect(guide).toContain(BASE);
  expect(guide).toContain("\\\\fileserver\\addins");
  expect(guide).toContain("appsforoffice.microsoft.com");
});

test("KENSHO_OFFICE_JS=local: the pages load office-js/office.js, carried beside them without debug builds", () => {
  const entries = byName(
    addinZipEntries({
      webDir: web,
      baseUrl: BASE,
      catalog: "\\\\fileserver\\addins",
      officeJs: { dist: officeDist, version: "1.1.110" },
    }),
  );
  for (const page of ["web/taskpane.html", "web/commands.html"]) {
    const html = entries.get(page)!.toString();
    expect(html).toContain('<script src="office-js/office.js"></script>');
    expect(html).not.toContain("appsforoffice.microsoft.com");
  }
  expect([...entries.keys()].filter((n) => n.startsWith("web/office-js/")).sort()).toEqual([
    "web/office-js/excel-win32-16.01.js",
    "web/office-js/ja-jp/office_strings.js",
    "web/office-js/office.js",
  ]);
  const guide = entries.get("配置手順.txt")!.toString("utf8");
  expect(guide).toContain("Microsoft がサポートしない構成です");
  expect(guide).toContain("Office の更新のたびに");
  expect(guide).toContain("1.1.110");
});

test("a manifest not built for the base URL is refused", () => {
  expect(() =>
    addinZipEntries({ webDir: web, baseUrl: "https://other.example/", catalog: "\\\\s\\a", officeJs: null }),
  ).toThrow("SourceLocation");
});

test("office.js file selection keeps Excel's scripts and shared folders only", () => {
  expect(officeJsFileWanted("office.js")).toBe(true);
  expect(officeJsFileWanted("excel-web-16.00.js")).toBe(true);
  expect(officeJsFileWanted("telemetry/oteljs_agave.js")).toBe(true);
  expect(officeJsFileWanted("ja-jp/office_strings.js")).toBe(true);
  expect(officeJsFileWanted("outlook-win32-16.02.js")).toBe(false);
  expect(officeJsFileWanted("excel-win32-16.01.debug.js")).toBe(false);
  expect(officeJsFileWanted("office.d.ts")).toBe(false);
  expect(officeJsFileWanted("office-vsdoc.js")).toBe(false);
});

test("the real pages reference the CDN exactly once, so the local rewrite can find it", () => {
  for (const page of ["src/taskpane/taskpane.html", "src/commands/commands.html"]) {
    const html = fs.readFileSync(path.join(ROOT, page), "utf8");
    expect(useLocalOfficeJs(html)).toContain('src="office-js/office.js"');
  }
  expect(() => useLocalOfficeJs("<html></html>")).toThrow("found 0");
});

test("the rewrite works on minified pages (no attribute quotes) and leaves look-alikes alone", () => {
  expect(
    useLocalOfficeJs(`<script src=${OFFICE_JS_CDN}></script><script defer src=taskpane.js></script>`),
  ).toBe('<script src="office-js/office.js"></script><script defer src=taskpane.js></script>');
  expect(useLocalOfficeJs(`<script src='${OFFICE_JS_CDN}' ></script>`)).toBe(
    '<script src="office-js/office.js" ></script>',
  );
  expect(() => useLocalOfficeJs(`<script src=${OFFICE_JS_CDN}x></script>`)).toThrow("found 0");
  expect(() => useLocalOfficeJs(`<script src=${OFFICE_JS_CDN}></script>`.repeat(2))).toThrow("found 2");
});

test("KENSHO_BASE_URL: https only, one trailing slash", () => {
  expect(normaliseBaseUrl("https://intra.example.lg.jp/kensho")).toBe("https://intra.example.lg.jp/kensho/");
  expect(normaliseBaseUrl("https://intra.example.lg.jp/kensho///")).toBe(
    "https://intra.example.lg.jp/kensho/",
  );
  expect(() => normaliseBaseUrl("http://intra.example.lg.jp/")).toThrow("https://");
  expect(() => normaliseBaseUrl("intra/kensho")).toThrow("not a URL");
});

test("zips keep the bytes, and mark Japanese names as UTF-8 (general purpose bit 11)", () => {
  const zip = Buffer.from(
    makeZip([
      { name: "使い方.txt", data: Buffer.from("読んでください") },
      { name: "a.bin", data: Buffer.alloc(5000, 3) },
    ]),
  );
  const files = unzipSync(zip);
  expect(Buffer.from(files["使い方.txt"]).toString()).toBe("読んでください");
  expect(Buffer.from(files["a.bin"]).equals(Buffer.alloc(5000, 3))).toBe(true);
  const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  expect(zip.readUInt16LE(central + 8) & 0x800).toBe(0x800);
});
