// `kensho addin`: a city's package from the payload, the manifest's URLs rewritten where they are
// URLs, settings refused with Japanese messages and exit 2, and nothing ever overwritten.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  configureManifest,
  DEV_URL,
  templateUrls,
  urlAttributeValues,
} from "../../../src/cli/addin/manifest";
import { addinPackageEntries } from "../../../src/cli/addin/package";
import type { AddinPayload } from "../../../src/cli/addin/payload";
import { useEmbeddedPayload } from "../../../src/cli/addin/payloadSource";
import { checkBaseUrl, checkCatalogPath, checkOfficeJsMode } from "../../../src/cli/addin/settings";
import { OFFICE_JS_CDN, officeJsFileWanted, useLocalOfficeJs } from "../../../src/cli/addin/officeJs";
import { webConfigXml } from "../../../src/cli/addin/webConfig";
import { runCli } from "../../helpers/runCli";

const ROOT = path.join(__dirname, "..", "..", "..");
const BASE = "https://kensho.city.example.lg.jp/kensho/";
const TEMPLATE = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

const page = (script: string) =>
  `<!doctype html><html><head><script src=${OFFICE_JS_CDN}></script><script defer src=${script}></script></head></html>`;
const PAYLOAD: AddinPayload = {
  web: new Map<string, Uint8Array>([
    ["taskpane.html", Buffer.from(page("js/taskpane.0123456789abcdef.js"))],
    ["commands.html", Buffer.from(page("js/commands.0123456789abcdef.js"))],
    ["js/taskpane.0123456789abcdef.js", Buffer.from("/* pane */")],
    ["assets/icon-32.png", Buffer.from([0x89, 0x50])],
  ]),
  officeJs: new Map<string, Uint8Array>([
    ["office.js", Buffer.from("office")],
    ["ja-jp/office_strings.js", Buffer.from("ja")],
  ]),
  officeJsVersion: "1.1.110",
  manifestTemplate: TEMPLATE,
  notices: "NOTICES",
  runbook: "# 配置手順",
};

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-addin-"));
  useEmbeddedPayload(() => PAYLOAD);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("the manifest for a city's server", () => {
  test("every URL attribute under the dev server moves to the base URL; nothing else changes", () => {
    const urls = templateUrls(TEMPLATE);
    expect(urls.length).toBeGreaterThan(10);
    const out = configureManifest(TEMPLATE, BASE);
    expect(templateUrls(out)).toEqual([]);
    const moved = urlAttributeValues(out)
      .map((a) => a.value)
      .filter((v) => v.startsWith(BASE));
    expect(moved).toEqual(urls.map((u) => BASE + u.slice(DEV_URL.length)));
    expect(out).toContain(`<SourceLocation DefaultValue="${BASE}taskpane.html"/>`);
    // Byte for byte the template once the URLs are put back.
    expect(out.split(BASE).join(DEV_URL)).toBe(TEMPLATE);
  });

  test("comments, text and other attributes that mention the dev server stay as they are", () => {
    const template = [
      `<?xml version="1.0"?>`,
      `<!-- every URL starts with ${DEV_URL} and is rewritten -->`,
      `<OfficeApp xmlns="x" Note="${DEV_URL}keep">`,
      `  <SupportUrl DefaultValue="${DEV_URL}help"/>`,
      `  <Text>${DEV_URL}plain text</Text>`,
      `  <bt:Image id="i" DefaultValue='${DEV_URL}assets/a.png' />`,
      `  <Override Locale="en-US"\n     Value="${DEV_URL}en"/>`,
      `  <![CDATA[ DefaultValue="${DEV_URL}cdata" ]]>`,
      `</OfficeApp>`,
    ].join("\n");
    const out = configureManifest(template, BASE);
    expect(out).toContain(`<!-- every URL starts with ${DEV_URL} and is rewritten -->`);
    expect(out).toContain(`Note="${DEV_URL}keep"`);
    expect(out).toContain(`<Text>${DEV_URL}plain text</Text>`);
    expect(out).toContain(`DefaultValue="${DEV_URL}cdata"`);
    expect(out).toContain(`<SupportUrl DefaultValue="${BASE}help"/>`);
    expect(out).toContain(`DefaultValue='${BASE}assets/a.png'`);
    expect(out).toContain(`Value="${BASE}en"`);
  });

  test("the URL is escaped for XML, and a template without dev-server URLs is refused", () => {
    expect(configureManifest(`<a DefaultValue="${DEV_URL}x"/>`, "https://h/a&b/")).toBe(
      `<a DefaultValue="https://h/a&amp;b/x"/>`,
    );
    expect(() => configureManifest(`<a DefaultValue="https://other/x"/>`, BASE)).toThrow("no URL");
  });

  test("the Description names no city", () => {
    expect(TEMPLATE).not.toMatch(/伊勢崎|Isesaki/);
  });
});

describe("settings", () => {
  test("--url: https only, one trailing slash, no query", () => {
    expect(checkBaseUrl("https://intra.example.lg.jp/kensho")).toEqual({
      ok: true,
      value: "https://intra.example.lg.jp/kensho/",
    });
    expect(checkBaseUrl("http://intra/")).toMatchObject({ ok: false, problem: { code: "url-not-https" } });
    expect(checkBaseUrl("https://intra/?a=1")).toMatchObject({ ok: false, problem: { code: "url-query" } });
    expect(checkBaseUrl("intra/kensho")).toMatchObject({ ok: false, problem: { code: "url-invalid" } });
    expect(checkBaseUrl(undefined)).toMatchObject({ ok: false, problem: { code: "url-missing" } });
  });

  test("--catalog: a UNC path; drive letters and URLs refused", () => {
    expect(checkCatalogPath("//fs/addins/")).toEqual({ ok: true, value: "\\\\fs\\addins" });
    for (const bad of ["Z:\\addins", "https://fs/addins", "\\\\onlyserver"])
      expect(checkCatalogPath(bad)).toMatchObject({ ok: false, problem: { code: "catalog-not-unc" } });
    expect(checkOfficeJsMode("LOCAL")).toEqual({ ok: true, value: "local" });
    expect(checkOfficeJsMode("both")).toMatchObject({ ok: false });
  });
});

describe("the package", () => {
  const entries = (officeJs: "cdn" | "local") => {
    const e = addinPackageEntries(PAYLOAD, { baseUrl: BASE, catalog: "\\\\fs\\addins", officeJs });
    if (!Array.isArray(e)) throw new Error(e);
    return new Map(e.map((x) => [x.name, Buffer.from(x.data)]));
  };

  test("web/ with web.config, the configured manifest, the .reg pair, both guides and the notices", () => {
    const cdn = entries("cdn");
    expect([...cdn.keys()]).toEqual(
      [
        "THIRD-PARTY-NOTICES.txt",
        "catalog/manifest.xml",
        "kensho-catalog-remove.reg",
        "kensho-catalog.reg",
        "web/assets/icon-32.png",
        "web/commands.html",
        "web/js/taskpane.0123456789abcdef.js",
        "web/taskpane.html",
        "web/web.config",
        "配置手順.md",
        "配置手順.txt",
      ].sort((a, b) => (a < b ? -1 : 1)),
    );
    expect(cdn.get("catalog/manifest.xml")!.toString()).toContain(
      `<SourceLocation DefaultValue="${BASE}taskpane.html"/>`,
    );
    expect(cdn.get("kensho-catalog.reg")!.subarray(2).toString("utf16le")).toContain(
      '"Url"="\\\\\\\\fs\\\\addins"',
    );
    expect(cdn.get("web/taskpane.html")!.toString()).toContain(OFFICE_JS_CDN);
    const guide = cdn.get("配置手順.txt")!.toString("utf8");
    expect(guide.startsWith("\uFEFF")).toBe(true);
    expect(guide).toContain(BASE);
    expect(guide).toContain("信頼できるアドイン カタログ");
    expect(guide.replace(/\r\n/g, "")).not.toContain("\n");
  });

  test("--office-js local: the pages load web/office-js/office.js, carried beside them", () => {
    const local = entries("local");
    for (const p of ["web/taskpane.html", "web/commands.html"]) {
      expect(local.get(p)!.toString()).toContain('<script src="office-js/office.js"></script>');
      expect(local.get(p)!.toString()).not.toContain("appsforoffice");
    }
    expect(local.get("web/office-js/ja-jp/office_strings.js")!.toString()).toBe("ja");
    expect(local.get("配置手順.txt")!.toString()).toContain("1.1.110");
    expect(
      addinPackageEntries(
        { ...PAYLOAD, officeJs: null },
        { baseUrl: BASE, catalog: "\\\\a\\b", officeJs: "local" },
      ),
    ).toBe("no-office-js");
  });

  test("web.config: scripts named by content cached for a year, everything else revalidated, each MIME map removable", () => {
    const xml = webConfigXml();
    expect(xml).toMatch(/<staticContent>\s*<clientCache cacheControlMode="DisableCache" \/>/);
    expect(xml).toMatch(
      /<location path="js">[\s\S]*cacheControlMode="UseMaxAge" cacheControlMaxAge="365\.00:00:00" cacheControlCustom="immutable"/,
    );
    for (const ext of [".js", ".json", ".html", ".png"]) {
      const at = xml.indexOf(`<mimeMap fileExtension="${ext}"`);
      expect(at).toBeGreaterThan(xml.indexOf(`<remove fileExtension="${ext}" />`));
    }
  });

  test("office.js file selection keeps Excel's scripts and shared folders only", () => {
    expect(officeJsFileWanted("excel-web-16.00.js")).toBe(true);
    expect(officeJsFileWanted("ja-jp/office_strings.js")).toBe(true);
    expect(officeJsFileWanted("outlook-win32-16.02.js")).toBe(false);
    expect(officeJsFileWanted("excel-win32-16.01.debug.js")).toBe(false);
    expect(() => useLocalOfficeJs("<html></html>")).toThrow("found 0");
  });
});

describe("kensho addin", () => {
  const args = (out: string) => ["addin", "--url", BASE, "--catalog", "\\\\fs\\addins", "-o", out];

  test("writes the package into a new folder", async () => {
    const r = await runCli(args("配置"), tmp);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("配置手順.txt");
    expect(fs.readFileSync(path.join(tmp, "配置", "catalog", "manifest.xml"), "utf8")).toContain(BASE);
    expect(fs.existsSync(path.join(tmp, "配置", "web", "web.config"))).toBe(true);
  });

  test("a folder with files in it is refused, and nothing in it changes", async () => {
    const dir = path.join(tmp, "使用中");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "メモ.txt"), "keep");
    const r = await runCli(args("使用中"), tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("空ではありません");
    expect(fs.readdirSync(dir)).toEqual(["メモ.txt"]);
  });

  test.each([
    [["--url", "http://intra/kensho/", "--catalog", "\\\\fs\\a"], "https://"],
    [["--url", BASE, "--catalog", "Z:\\addins"], "UNC パス"],
    [["--url", BASE, "--catalog", "\\\\fs\\a", "--office-js", "both"], "local か cdn"],
    [["--catalog", "\\\\fs\\a"], "--url で"],
  ])("bad settings %j: a Japanese message, exit 2, nothing written", async (given, message) => {
    const r = await runCli(["addin", ...given, "-o", "失敗"], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
    expect(fs.existsSync(path.join(tmp, "失敗"))).toBe(false);
  });
});
