/**
 * Offline checks of manifest.xml. `office-addin-manifest validate` needs the internet, so this
 * suite reads the manifest with office-addin-manifest's own reader and then checks the things
 * the online validator and Excel care about by walking the XML (xml2js).
 */
import fs from "fs";
import path from "path";
import { PNG } from "pngjs";
import { OfficeAddinManifest } from "office-addin-manifest";

// Two of office-addin-manifest's imports do not load under Jest in this install, and the XML
// reader needs neither, so each is replaced by a stand-in when (and only when) it fails to load:
// - @microsoft/app-manifest (JSON manifests only) throws at import because its ajv-draft-04 peer
//   resolves to the hoisted ajv 6 instead of ajv 8;
// - its nested uuid 14 is ESM-only, which Jest's CommonJS runtime cannot require on Node 20
//   (uuid is only used to generate a new GUID when modifying a manifest).
jest.mock("@microsoft/app-manifest", () => {
  try {
    return jest.requireActual("@microsoft/app-manifest");
  } catch {
    return {};
  }
});
jest.mock("../../node_modules/office-addin-manifest/node_modules/uuid/dist-node/index.js", () => {
  try {
    return jest.requireActual(
      "../../node_modules/office-addin-manifest/node_modules/uuid/dist-node/index.js",
    );
  } catch {
    return { v4: () => jest.requireActual<typeof import("crypto")>("crypto").randomUUID() };
  }
});

/** Minimal typing for the part of xml2js used here (no @types/xml2js in this project). */
interface Xml2jsRawNode {
  "#name": string;
  $?: Record<string, string>;
  $$?: Xml2jsRawNode[];
  _?: string;
}
interface Xml2js {
  parseStringPromise(xml: string, options: Record<string, unknown>): Promise<Record<string, Xml2jsRawNode>>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const xml2js = require("xml2js") as Xml2js;

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

const ROOT = path.resolve(__dirname, "..", "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
/** The dev-server base URL; webpack replaces this exact prefix with KENSHO_BASE_URL. */
const BASE_URL = "https://localhost:3000/";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Limits from the add-in manifest schema (ShortString / LongString, resource id length). */
const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;
const RESID_MAX = 32;

function toNode(raw: Xml2jsRawNode): XmlNode {
  return {
    name: raw["#name"],
    attrs: raw.$ ?? {},
    text: (raw._ ?? "").trim(),
    children: (raw.$$ ?? []).map(toNode),
  };
}

async function parseXml(xml: string): Promise<XmlNode> {
  const parsed = await xml2js.parseStringPromise(xml, {
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitRoot: true,
  });
  const rootName = Object.keys(parsed)[0];
  return toNode(parsed[rootName]);
}

/** Every node in document order (the node itself first). */
function walk(node: XmlNode): XmlNode[] {
  return [node, ...node.children.flatMap(walk)];
}

function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.filter((c) => c.name === name);
  if (found.length !== 1)
    throw new Error(`<${node.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0];
}

function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

function descendants(node: XmlNode, name: string): XmlNode[] {
  return walk(node).filter((n) => n !== node && n.name === name);
}

/** Maps a manifest URL to the file the dev server / production build serves it from. */
function assetPath(url: string): string {
  expect(url.startsWith(BASE_URL)).toBe(true);
  return path.join(ROOT, url.slice(BASE_URL.length));
}

function pngSize(file: string): { width: number; height: number } {
  const png = PNG.sync.read(fs.readFileSync(file));
  return { width: png.width, height: png.height };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

let rawXml: string;
let app: XmlNode;
let versionOverrides: XmlNode;
/** Resource id → { kind, DefaultValue, overrides }. */
let resources: Map<string, { kind: string; value: string; overrides: string[] }>;

beforeAll(async () => {
  rawXml = fs.readFileSync(MANIFEST_PATH, "utf8");
  app = await parseXml(rawXml);
  versionOverrides = child(app, "VersionOverrides");

  resources = new Map();
  const resourceNode = child(versionOverrides, "Resources");
  for (const group of resourceNode.children) {
    for (const item of group.children) {
      const id = item.attrs.id;
      if (resources.has(id)) throw new Error(`duplicate resource id ${id}`);
      resources.set(id, {
        kind: group.name,
        value: item.attrs.DefaultValue,
        overrides: children(item, "bt:Override").map((o) => o.attrs.Value),
      });
    }
  }
});

describe("manifest.xml read by office-addin-manifest", () => {
  it("has the expected identity", async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST_PATH);
    expect(info.id).toMatch(GUID);
    expect(info.displayName).toBe("効果検証チェック");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.providerName).toBe("kensho");
    expect(info.version).toBe("1.0.0.0");
    expect(info.defaultLocale).toBe("ja-JP");
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.description).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(info.supportUrl?.startsWith(BASE_URL)).toBe(true);
    expect(info.defaultSettings?.sourceLocation).toBe(`${BASE_URL}taskpane.html`);
  });
});

describe("manifest.xml structure", () => {
  it("is a task-pane app whose top-level elements follow the schema order", () => {
    expect(app.name).toBe("OfficeApp");
    expect(app.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(app.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    const schemaOrder = [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "AllowSnapshot",
      "VersionOverrides",
    ];
    const actual = app.children.map((c) => c.name);
    for (const name of actual) expect(schemaOrder).toContain(name);
    const positions = actual.map((name) => schemaOrder.indexOf(name));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(actual).size).toBe(actual.length);
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description"]) {
      expect(actual).toContain(required);
    }
  });

  it("uses VersionOverrides V1_0 for the Workbook host", () => {
    expect(versionOverrides.attrs.xmlns).toBe(
      "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
    );
    expect(versionOverrides.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
    const hosts = children(child(versionOverrides, "Hosts"), "Host");
    expect(hosts.map((h) => h.attrs["xsi:type"])).toEqual(["Workbook"]);
  });

  it("requests ReadWriteDocument", () => {
    expect(child(app, "Permissions").text).toBe("ReadWriteDocument");
  });

  it("requires ExcelApi 1.9: Excel 2019 (≤ 1.8, an IE11 or EdgeHTML webview) never lists it; LTSC 2021 (1.14) does", () => {
    const sets = child(child(app, "Requirements"), "Sets");
    expect(sets.attrs.DefaultMinVersion).toBe("1.1");
    const excelApi = children(sets, "Set").filter((s) => s.attrs.Name === "ExcelApi");
    expect(excelApi).toHaveLength(1);
    expect(excelApi[0].attrs.MinVersion).toBe("1.9");
    // Above what Excel 2016/2019 perpetual have, so they cannot install an add-in they cannot show.
    expect(compareVersions(excelApi[0].attrs.MinVersion, "1.8")).toBeGreaterThan(0);
    expect(compareVersions(excelApi[0].attrs.MinVersion, "1.14")).toBeLessThanOrEqual(0);
    // No other requirement set may lock out LTSC 2021 either.
    for (const set of children(sets, "Set")) {
      if (set.attrs.Name === "ExcelApi" && set.attrs.MinVersion) {
        expect(compareVersions(set.attrs.MinVersion, "1.14")).toBeLessThanOrEqual(0);
      }
    }
    // VersionOverrides must not add a stricter requirement of its own.
    expect(children(versionOverrides, "Requirements")).toHaveLength(0);
  });

  it("has a unique GUID id", () => {
    expect(child(app, "Id").text).toMatch(GUID);
    expect(child(app, "Id").text).not.toBe("00000000-0000-0000-0000-000000000000");
  });
});

describe("manifest.xml URLs", () => {
  it("uses only https URLs under the dev-server base URL", () => {
    // Namespace declarations (xmlns, xmlns:xsi, ...) are identifiers, not URLs that get fetched.
    const values = walk(app).flatMap((n) => [
      n.text,
      ...Object.entries(n.attrs)
        .filter(([name]) => name !== "xmlns" && !name.startsWith("xmlns:"))
        .map(([, value]) => value),
    ]);
    const urls = values.filter((v) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\//);
      expect(url.startsWith(BASE_URL)).toBe(true);
    }
  });

  it("mentions localhost only as the exact prefix the build replaces", () => {
    const localhost = rawXml.match(/localhost/g) ?? [];
    const prefixed = rawXml.split(BASE_URL).length - 1;
    expect(prefixed).toBeGreaterThan(0);
    expect(localhost.length).toBe(prefixed);
  });

  it("still parses and has no localhost left after the build-time replace", async () => {
    const replaced = rawXml.split(BASE_URL).join("https://example.jp/kensho/");
    const tree = await parseXml(replaced);
    const text = walk(tree).flatMap((n) => [n.text, ...Object.values(n.attrs)]);
    expect(text.some((v) => v.includes("localhost"))).toBe(false);
    expect(child(child(tree, "DefaultSettings"), "SourceLocation").attrs.DefaultValue).toBe(
      "https://example.jp/kensho/taskpane.html",
    );
  });

  it("lists AppDomains, if any, as bare origins (no path, no trailing slash)", () => {
    for (const domain of descendants(app, "AppDomain")) {
      expect(domain.text).toMatch(/^https:\/\/[^/]+$/);
    }
  });

  it("opens taskpane.html in the pane and loads commands.html as the function file", () => {
    expect(child(child(app, "DefaultSettings"), "SourceLocation").attrs.DefaultValue).toBe(
      `${BASE_URL}taskpane.html`,
    );
    const functionFiles = descendants(versionOverrides, "FunctionFile");
    expect(functionFiles).toHaveLength(1);
    expect(resources.get(functionFiles[0].attrs.resid)).toMatchObject({
      kind: "bt:Urls",
      value: `${BASE_URL}commands.html`,
    });
  });
});

describe("manifest.xml icons", () => {
  it("points IconUrl (32 px) and HighResolutionIconUrl (64 px) at existing PNGs", () => {
    for (const [element, size] of [
      ["IconUrl", 32],
      ["HighResolutionIconUrl", 64],
    ] as const) {
      const file = assetPath(child(app, element).attrs.DefaultValue);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it("points every bt:Image resource at an existing PNG of the size its id names", () => {
    const images = [...resources].filter(([, r]) => r.kind === "bt:Images");
    expect(images.length).toBeGreaterThan(0);
    for (const [id, image] of images) {
      const match = /^Icon\.(\d+)x\1$/.exec(id);
      expect(match).not.toBeNull();
      const size = Number(match?.[1]);
      expect(image.value).toBe(`${BASE_URL}assets/icon-${size}.png`);
      const file = assetPath(image.value);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it("uses each image at its own size in the ribbon, including the required 16/32/80", () => {
    for (const icon of descendants(versionOverrides, "Icon")) {
      const imgs = children(icon, "bt:Image");
      const sizes = imgs.map((img) => Number(img.attrs.size));
      for (const required of [16, 32, 80]) expect(sizes).toContain(required);
      for (const img of imgs) {
        const file = assetPath(resources.get(img.attrs.resid)?.value ?? "");
        expect(pngSize(file)).toEqual({ width: Number(img.attrs.size), height: Number(img.attrs.size) });
      }
    }
  });
});

describe("manifest.xml ribbon and resources", () => {
  it("adds one ShowTaskpane button in a custom group on the Home tab", () => {
    const extensionPoints = descendants(versionOverrides, "ExtensionPoint");
    expect(extensionPoints).toHaveLength(1);
    expect(extensionPoints[0].attrs["xsi:type"]).toBe("PrimaryCommandSurface");
    const tab = child(extensionPoints[0], "OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");

    const group = child(tab, "Group");
    expect(resources.get(child(group, "Label").attrs.resid)?.value).toBe("効果検証");

    const controls = children(group, "Control");
    expect(controls).toHaveLength(1);
    const button = controls[0];
    expect(button.attrs["xsi:type"]).toBe("Button");
    expect(resources.get(child(button, "Label").attrs.resid)?.value).toBe("効果検証チェック");
    const action = child(button, "Action");
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(child(action, "TaskpaneId").text).not.toBe("");
    expect(resources.get(child(action, "SourceLocation").attrs.resid)?.value).toBe(
      `${BASE_URL}taskpane.html`,
    );
  });

  it("resolves every resid to a resource of the right kind", () => {
    const expectedKind: Record<string, string> = {
      "bt:Image": "bt:Images",
      Label: "bt:ShortStrings",
      Title: "bt:ShortStrings",
      Description: "bt:LongStrings",
      SourceLocation: "bt:Urls",
      FunctionFile: "bt:Urls",
      LearnMoreUrl: "bt:Urls",
    };
    const referencing = walk(versionOverrides).filter((n) => n.attrs.resid !== undefined);
    expect(referencing.length).toBeGreaterThan(0);
    for (const node of referencing) {
      const resource = resources.get(node.attrs.resid);
      expect({ resid: node.attrs.resid, defined: resource !== undefined }).toEqual({
        resid: node.attrs.resid,
        defined: true,
      });
      expect(expectedKind[node.name]).toBeDefined();
      expect({ resid: node.attrs.resid, kind: resource?.kind }).toEqual({
        resid: node.attrs.resid,
        kind: expectedKind[node.name],
      });
    }
  });

  it("has unique, short resource ids and unique group/control ids", () => {
    // Duplicates throw in beforeAll; count the raw declarations too.
    const declared = walk(child(versionOverrides, "Resources"))
      .filter((n) => n.attrs.id !== undefined)
      .map((n) => n.attrs.id);
    expect(new Set(declared).size).toBe(declared.length);
    for (const id of declared) expect(id.length).toBeLessThanOrEqual(RESID_MAX);

    const controlIds = walk(versionOverrides)
      .filter((n) => n.name === "Group" || n.name === "Control")
      .map((n) => n.attrs.id);
    expect(new Set(controlIds).size).toBe(controlIds.length);
    for (const id of controlIds) expect(id.length).toBeLessThanOrEqual(SHORT_STRING_MAX);
  });

  it("keeps strings within the schema limits", () => {
    for (const [id, resource] of resources) {
      const max =
        resource.kind === "bt:ShortStrings"
          ? SHORT_STRING_MAX
          : resource.kind === "bt:LongStrings"
            ? LONG_STRING_MAX
            : 2048;
      for (const value of [resource.value, ...resource.overrides]) {
        expect({ id, length: value.length <= max }).toEqual({ id, length: true });
        expect(value.trim()).not.toBe("");
      }
    }
    const displayName = child(app, "DisplayName");
    const description = child(app, "Description");
    for (const value of [
      displayName.attrs.DefaultValue,
      ...children(displayName, "Override").map((o) => o.attrs.Value),
    ]) {
      expect(value.length).toBeLessThanOrEqual(SHORT_STRING_MAX);
    }
    for (const value of [
      description.attrs.DefaultValue,
      ...children(description, "Override").map((o) => o.attrs.Value),
    ]) {
      expect(value.length).toBeLessThanOrEqual(LONG_STRING_MAX);
    }
  });

  it("has Japanese default strings (DefaultLocale ja-JP) and only known override locales", () => {
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    for (const [, resource] of resources) {
      if (resource.kind === "bt:ShortStrings" || resource.kind === "bt:LongStrings") {
        expect(resource.value).toMatch(japanese);
      }
    }
    const overrideLocales = walk(app)
      .filter((n) => n.name === "Override" || n.name === "bt:Override")
      .map((n) => n.attrs.Locale);
    for (const locale of overrideLocales) expect(locale).toBe("en-US");
  });
});
