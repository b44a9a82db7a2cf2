// What `npm run release` wrote, checked from the outside: the Linux executable run with no Node
// anywhere on PATH against `node bin/kensho.js`, the Windows executable's PE structure (and, where
// wine is installed, the executable itself), and the contents of both zips.
import { spawn, spawnSync, type SpawnSyncOptions } from "child_process";
import * as http from "http";
import type { AddressInfo } from "net";
import { chromium } from "playwright-core";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync } from "fflate";
import { OFFICE_JS_CDN } from "../../src/cli/addin/officeJs";
import { checkBaseUrl, checkCatalogPath } from "../../src/cli/addin/settings";
import { EXE_ICON_SIZES, iconPng } from "../../scripts/release/exeIcons";
import {
  certificateTable,
  listResources,
  parsePe,
  peChecksum,
  readVersionInfo,
  RT_GROUP_ICON,
  RT_ICON,
  RT_RCDATA,
  RT_VERSION,
} from "../../scripts/release/pe";
import { ARTIFACTS, type ReleaseSettings } from "../../scripts/release/artifacts";
import { SEA_FUSE } from "../../scripts/release/sea";
import { withProgramName } from "../../src/cli/launch/launcher";
import { SAMPLE_RELATIVE_PATH } from "../../src/cli/sampleWorkbook";
import { CLI_TEXT } from "../../src/i18n/cli";
import { getFixtures } from "../helpers/fixtures";

const ROOT = path.join(__dirname, "..", "..");
const RELEASE = path.join(ROOT, "release");
const BUILD = path.join(RELEASE, ".build");
const artifact = (name: string) => path.join(RELEASE, name);
if (!fs.existsSync(path.join(BUILD, ARTIFACTS.settings)))
  throw new Error("release/ has not been built: run `npm run release` before `npm run test:release`");
const settings = JSON.parse(fs.readFileSync(path.join(BUILD, ARTIFACTS.settings), "utf8")) as ReleaseSettings;
const blob = fs.readFileSync(path.join(BUILD, ARTIFACTS.blob));
const sampleBytes = fs.readFileSync(path.join(ROOT, SAMPLE_RELATIVE_PATH));
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-release-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}
const run = (cmd: string, args: string[], opts: SpawnSyncOptions): Run => {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.error) throw r.error;
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
};
/** The reference: the CLI run by Node from the repository. */
const nodeKensho = (args: string[], cwd: string) =>
  run(process.execPath, [path.join(ROOT, "bin", "kensho.js"), ...args], { cwd });

/** A folder of submissions: the layout variants and the broken files (a mixed, realistic batch). */
async function submissions(dir: string): Promise<string> {
  const folder = path.join(dir, "提出");
  fs.mkdirSync(folder, { recursive: true });
  for (const [name, file] of Object.entries(await getFixtures()))
    fs.copyFileSync(file, path.join(folder, `${name}${path.extname(file)}`));
  return folder;
}

const onLinuxX64 = process.platform === "linux" && process.arch === "x64";

(onLinuxX64 ? describe : describe.skip)("kensho-linux-x64, with no Node on PATH", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let sea: (args: string[], cwd?: string) => Run;

  beforeAll(async () => {
    dir = path.join(tmp, "linux");
    const emptyBin = path.join(dir, "bin");
    fs.mkdirSync(emptyBin, { recursive: true });
    fs.mkdirSync(path.join(dir, "tmp"));
    // Outside the repository, so nothing can be found by walking up from the executable.
    fs.copyFileSync(artifact(ARTIFACTS.linuxBinary), path.join(dir, ARTIFACTS.linuxBinary));
    fs.chmodSync(path.join(dir, ARTIFACTS.linuxBinary), 0o755);
    env = { PATH: emptyBin, HOME: dir, TMPDIR: path.join(dir, "tmp"), LANG: "C.UTF-8" };
    sea = (args, cwd = dir) => run(path.join(dir, ARTIFACTS.linuxBinary), args, { cwd, env });
    await submissions(dir);
  });

  test("PATH really holds no node", () => {
    for (const p of env.PATH!.split(path.delimiter)) expect(fs.existsSync(path.join(p, "node"))).toBe(false);
    expect(spawnSync("node", ["--version"], { env }).error).toMatchObject({ code: "ENOENT" });
  });

  test("no files: the embedded sample, exactly the JSON of `node bin/kensho.js --json` from the repository", () => {
    const mine = sea(["--json"]);
    const ref = nodeKensho(["--json"], ROOT);
    expect(mine.stderr).toBe("");
    expect(mine.status).toBe(ref.status);
    expect(mine.stdout).toBe(ref.stdout);
    const json = JSON.parse(mine.stdout);
    expect(json.files[0]).toMatchObject({ file: SAMPLE_RELATIVE_PATH, ok: true, fiscalYear: "令和5年度" });
    expect(json.files[0].rows).toHaveLength(47);
    // The temporary copy of the embedded sample is removed again.
    expect(fs.readdirSync(env.TMPDIR!)).toEqual([]);
  });

  test("no files: the same Japanese text report", () => {
    const mine = sea([]);
    expect(mine.stdout).toBe(nodeKensho([], ROOT).stdout);
    expect(mine.stdout).toContain("年度: 令和5年度");
  });

  test("a folder of submissions (good, odd and broken files): same JSON, text, CSV and exit code", () => {
    for (const args of [
      ["--json", "提出"],
      ["提出"],
      ["--csv", "提出"],
      ["--json", "--department", "商工労働課", "提出"],
    ]) {
      const mine = sea(args);
      const ref = nodeKensho(args, dir);
      expect({ args, status: mine.status }).toEqual({ args, status: ref.status });
      expect(mine.stdout).toBe(ref.stdout);
    }
    const json = JSON.parse(sea(["--json", "提出"]).stdout);
    expect(json.summary.files).toBeGreaterThanOrEqual(10);
    expect(json.summary.failedFiles).toBeGreaterThan(0);
  });

  test("the sample given by path, --version, --help and a bad option behave as the CLI", () => {
    fs.copyFileSync(path.join(ROOT, SAMPLE_RELATIVE_PATH), path.join(dir, "sample.xlsx"));
    for (const args of [["--json", "sample.xlsx"], ["--version"], ["--help"], ["--nope"]]) {
      const mine = sea(args);
      const ref = nodeKensho(args, dir);
      // Run as the executable, the usage text names it (src/cli/launch/launcher.ts).
      ref.stdout = withProgramName(ref.stdout, ARTIFACTS.linuxBinary);
      expect({ args, status: mine.status, stdout: mine.stdout, stderr: mine.stderr }).toEqual({
        args,
        status: ref.status,
        stdout: ref.stdout,
        stderr: ref.stderr,
      });
    }
    expect(sea(["--version"]).stdout).toBe(`${CLI_TEXT.version(settings.kensho)}\n`);
  });

  const canUnshare = onLinuxX64 && spawnSync("unshare", ["-n", "true"]).status === 0;
  (canUnshare ? test : test.skip)("runs in a network namespace with no network at all", () => {
    const exe = path.join(dir, ARTIFACTS.linuxBinary);
    const mine = run("unshare", ["-n", exe, "--json", "提出"], {
      cwd: dir,
      env: { ...env, PATH: "/usr/bin:/bin" },
    });
    expect(mine.stdout).toBe(nodeKensho(["--json", "提出"], dir).stdout);
  });

  test("`addin` writes the city's package: the manifest on --url, the .reg on --catalog, and the pane loads from that host alone", async () => {
    const url = "https://kensho.city.example.lg.jp/kensho/";
    const r = sea([
      "addin",
      "--url",
      url,
      "--catalog",
      "\\\\fileserver\\addins",
      "--office-js",
      "local",
      "-o",
      "配置",
    ]);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: "" });
    const pkg = path.join(dir, "配置");
    const manifest = fs.readFileSync(path.join(pkg, "catalog", "manifest.xml"), "utf8");
    expect(manifest).toContain(`<SourceLocation DefaultValue="${url}taskpane.html"/>`);
    expect(manifest).not.toContain("localhost");
    const reg = fs.readFileSync(path.join(pkg, "kensho-catalog.reg")).subarray(2).toString("utf16le");
    expect(reg).toContain('"Url"="\\\\\\\\fileserver\\\\addins"');
    for (const f of [
      "web/web.config",
      "配置手順.txt",
      "配置手順.md",
      "THIRD-PARTY-NOTICES.txt",
      "kensho-catalog-remove.reg",
    ])
      expect(fs.existsSync(path.join(pkg, f))).toBe(true);
    const files = new Map<string, Uint8Array>();
    const walk = (d: string, rel: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true }))
        if (e.isDirectory()) walk(path.join(d, e.name), `${rel}${e.name}/`);
        else files.set(`${rel}${e.name}`, fs.readFileSync(path.join(d, e.name)));
    };
    walk(path.join(pkg, "web"), "");
    await expectPaneLoadsFromItsHostAlone(files);
  });

  test("bad settings: a Japanese message and exit 2, nothing written", () => {
    const http = sea(["addin", "--url", "http://intra/", "--catalog", "\\\\fs\\a", "-o", "x"]);
    expect(http.status).toBe(2);
    expect(http.stderr).toContain("https://");
    const drive = sea(["addin", "--url", "https://intra/", "--catalog", "Z:\\addins", "-o", "x"]);
    expect(drive.status).toBe(2);
    expect(drive.stderr).toContain("UNC");
    expect(fs.existsSync(path.join(dir, "x"))).toBe(false);
  });

  test("--help names the executable's own file, not `kensho`", () => {
    const help = sea(["--help"]).stdout;
    expect(help).toContain(`使い方: ${ARTIFACTS.linuxBinary} [オプション]`);
    expect(help).toContain(`${ARTIFACTS.linuxBinary} addin --url`);
  });

  test("a closed pipe and a full disk: a Japanese message and exit 2, no stack trace (the CLI's safe output)", async () => {
    const exe = path.join(dir, ARTIFACTS.linuxBinary);
    const STACK = /\n\s+at |node:internal|EPIPE/;
    const child = spawn(exe, ["--json", "提出"], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect({ code, closed: stderr.includes("出力先（パイプ）が閉じられた") }).toEqual({
      code: 2,
      closed: true,
    });
    expect(stderr).not.toMatch(STACK);
    if (!fs.existsSync("/dev/full")) return;
    const fd = fs.openSync("/dev/full", "w");
    try {
      const full = spawnSync(exe, [], { cwd: dir, env, stdio: ["ignore", fd, "pipe"], encoding: "utf8" });
      expect(full.status).toBe(2);
      expect(full.stderr).toContain("ディスクの空き容量が足りない");
      expect(full.stderr).not.toMatch(STACK);
    } finally {
      fs.closeSync(fd);
    }
  });
});

/**
 * Serves a package's web/ files from one loopback origin and opens taskpane.html in Chromium:
 * office.js (the local copy) must get ready, and every request must go to that origin.
 */
async function expectPaneLoadsFromItsHostAlone(files: Map<string, Uint8Array>) {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "");
    const data = files.get(rel);
    if (!data) return void res.writeHead(404).end();
    const type = rel.endsWith(".html")
      ? "text/html; charset=utf-8"
      : rel.endsWith(".js")
        ? "text/javascript; charset=utf-8"
        : "";
    res.writeHead(200, type ? { "Content-Type": type } : {}).end(Buffer.from(data));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage({ locale: "ja-JP" });
    const outside: string[] = [];
    const missing: string[] = [];
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(origin)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const served: string[] = [];
    page.on("response", (r) => (r.status() === 200 ? served : missing).push(r.url().slice(origin.length)));
    await page.goto(`${origin}taskpane.html`);
    const ready = await page.evaluate(() =>
      Promise.race([
        Office.onReady().then(() => "ready"),
        new Promise<string>((r) => setTimeout(() => r("timeout"), 10000)),
      ]),
    );
    expect(ready).toBe("ready");
    expect(served).toEqual(expect.arrayContaining(["taskpane.html", "office-js/office.js"]));
    expect(served.some((s) => /^js\/taskpane\.[0-9a-f]{16}\.js$/.test(s))).toBe(true);
    expect(missing).toEqual([]);
    // office.js's own telemetry page (docs/deployment.md) is the one request it may try elsewhere.
    expect(outside.filter((u) => !u.includes("telemetryservice.firstpartyapps.oaspapps.com"))).toEqual([]);
  } finally {
    await browser.close();
    server.close();
  }
}

describe("kensho-win-x64.exe", () => {
  const exe = fs.readFileSync(artifact(ARTIFACTS.winExe));
  const img = parsePe(exe);
  const resources = listResources(exe, img);

  test("is a 64-bit console PE executable with a valid checksum and no stale signature", () => {
    expect(img.machine).toBe(0x8664);
    expect(img.magic).toBe(0x20b);
    expect(img.subsystem).toBe(3);
    expect(exe.readUInt32LE(img.checksumOffset)).toBe(peChecksum(exe, img));
    expect(certificateTable(exe, img).size).toBe(0);
  });

  test("carries the SEA blob as the NODE_SEA_BLOB resource, with the fuse set; the same blob as the Linux build", () => {
    const sea = resources.filter((r) => r.name === "NODE_SEA_BLOB");
    expect(sea).toHaveLength(1);
    expect(sea[0].type).toBe(RT_RCDATA);
    expect(sea[0].data.equals(blob)).toBe(true);
    expect(exe.includes(`${SEA_FUSE}:1`)).toBe(true);
    expect(exe.includes(`${SEA_FUSE}:0`)).toBe(false);
    expect(fs.readFileSync(artifact(ARTIFACTS.linuxBinary)).includes(blob)).toBe(true);
    expect(blob.includes(sampleBytes)).toBe(true);
    expect(blob.includes(fs.readFileSync(path.join(BUILD, ARTIFACTS.payload)))).toBe(true);
  });

  test("says it is kensho: the version resource, read back, names kensho and the file, not Node.js", () => {
    const versions = resources.filter((r) => r.type === RT_VERSION);
    expect(versions).toHaveLength(1);
    const info = readVersionInfo(versions[0].data);
    expect(info.strings).toMatchObject({
      ProductName: "kensho 効果検証チェック",
      FileDescription: "kensho 効果検証チェック",
      CompanyName: "kensho",
      OriginalFilename: ARTIFACTS.winExe,
      InternalName: "kensho",
      FileVersion: settings.kensho,
      ProductVersion: settings.kensho,
    });
    expect(info.fileVersion).toBe(`${settings.kensho}.0`.split(".").slice(0, 4).join("."));
    expect(JSON.stringify(info.strings)).not.toMatch(/node\.exe|Node\.js JavaScript Runtime/);
    expect(info.strings.Comments).toBe(`Node.js ${settings.node} single executable application`);
  });

  test("carries kensho's icon (every size, the add-in's drawing) in place of Node's", () => {
    const groups = resources.filter((r) => r.type === RT_GROUP_ICON);
    expect(groups.length).toBeGreaterThan(0);
    const group = groups[0].data;
    const count = group.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => group[6 + 14 * i] || 256);
    expect(sizes).toEqual([...EXE_ICON_SIZES]);
    const icons = resources.filter((r) => r.type === RT_ICON).map((r) => r.data);
    // The small sizes drawn again here (the 256 px drawing takes seconds); the large one is a PNG of that size.
    for (const s of EXE_ICON_SIZES.filter((n) => n <= 64))
      expect(icons.some((d) => d.equals(iconPng(s)))).toBe(true);
    expect(icons.some((d) => d.readUInt32BE(0) === 0x89504e47 && d.readUInt32BE(16) === 256)).toBe(true);
  });

  test("node.exe was checked before its signature was removed: nodejs.org's SHA-256 and OpenJS's Authenticode signature", () => {
    expect(settings.nodeExe.sha256).toBe(settings.nodeExe.publishedSha256);
    expect(settings.nodeExe.authenticode.signer).toContain("O=OpenJS Foundation");
    expect(settings.nodeExe.authenticode.timestamped).toBe(true);
    expect(settings.nodeLinux.published).toBeNull();
  });

  test("no build path inside the executables", () => {
    for (const f of [ARTIFACTS.winExe, ARTIFACTS.linuxBinary])
      expect(fs.readFileSync(artifact(f)).includes(Buffer.from(ROOT))).toBe(false);
  });

  // Wine runs the real executable: the Windows code paths (win32 paths, console handling, report
  // files) that no Linux run reaches. .ci/run installs it and sets KENSHO_REQUIRE_WINE=1.
  const wine = ["/usr/lib/wine/wine64", "/usr/bin/wine64"].find((w) => fs.existsSync(w));
  if (!wine && process.env.KENSHO_REQUIRE_WINE === "1")
    test("wine is installed (KENSHO_REQUIRE_WINE=1)", () => expect(wine).toBeDefined());
  (wine ? describe : describe.skip)("under wine", () => {
    let dir: string;
    let wineEnv: NodeJS.ProcessEnv;
    beforeAll(async () => {
      dir = path.join(tmp, "wine");
      fs.mkdirSync(dir, { recursive: true });
      wineEnv = {
        ...process.env,
        WINEDEBUG: "-all",
        WINEPREFIX: path.join(os.tmpdir(), "kensho-wineprefix"),
      };
      // A fresh prefix reports Windows 7, which Node refuses to run on.
      run(wine!, ["winecfg", "-v", "win10"], { env: wineEnv });
      await submissions(dir);
    });
    const winPath = (p: string) => `Z:${p.replace(/\//g, "\\")}`;
    /** Output through files: under wine, Node cannot open a Unix pipe as its stderr (EBADF). */
    const runExe = (args: string[]): Run => {
      const [out, err] = [path.join(dir, "stdout.txt"), path.join(dir, "stderr.txt")];
      const fds = [fs.openSync(out, "w"), fs.openSync(err, "w")];
      try {
        const r = spawnSync(wine!, [artifact(ARTIFACTS.winExe), ...args], {
          cwd: dir,
          env: wineEnv,
          stdio: ["ignore", fds[0], fds[1]],
        });
        if (r.error) throw r.error;
        return {
          status: r.status,
          stdout: fs.readFileSync(out, "utf8"),
          stderr: fs.readFileSync(err, "utf8"),
        };
      } finally {
        fds.forEach((fd) => fs.closeSync(fd));
        fs.rmSync(out);
        fs.rmSync(err);
      }
    };

    test("no files: the embedded sample, the same JSON as node (paths in Windows form)", () => {
      const mine = runExe(["--json"]);
      const ref = nodeKensho(["--json"], ROOT);
      expect({ status: mine.status, stderr: mine.stderr }).toEqual({ status: ref.status, stderr: "" });
      expect(mine.stdout.split("assets\\\\sample\\\\").join("assets/sample/")).toBe(ref.stdout);
    });

    test("a folder, in a console (a pseudo-terminal): report shown and 検証結果_<date>.txt written beside it", () => {
      const folder = path.join(dir, "提出");
      const cmd = [wine!, artifact(ARTIFACTS.winExe), winPath(folder)].map((a) => `'${a}'`).join(" ");
      const r = run("script", ["-qec", cmd, "/dev/null"], {
        cwd: dir,
        env: { ...wineEnv, KENSHO_PAUSE: "0" },
      });
      const ref = nodeKensho([folder], dir);
      expect(r.status).toBe(ref.status);
      const reports = fs.readdirSync(dir).filter((n) => /^検証結果_\d{8}\.txt$/.test(n));
      expect(reports).toHaveLength(1);
      const saved = fs.readFileSync(path.join(dir, reports[0]), "utf8");
      expect(saved.startsWith(`\uFEFF効果検証チェック kensho ${settings.kensho}`)).toBe(true);
      // The same report as node's on the Linux path: Z:\tmp\…\提出\a.xlsx is /tmp/…/提出/a.xlsx.
      const body = saved.slice(saved.indexOf("\r\n\r\n") + 4).replace(/\r\n/g, "\n");
      expect(body.split("Z:").join("").split("\\").join("/")).toBe(ref.stdout);
      expect(r.stdout).toContain("検証結果を保存しました");
      expect(fs.readdirSync(folder).some((n) => n.startsWith("検証結果"))).toBe(false); // inputs untouched
    });
  });

  // The Windows executable under wine also writes the add-in package (where wine is installed).
  (wine ? test : test.skip)("under wine: `addin` writes the package as the Linux executable does", () => {
    const wineEnv = {
      ...process.env,
      WINEDEBUG: "-all",
      WINEPREFIX: path.join(os.tmpdir(), "kensho-wineprefix"),
    };
    const dir = fs.mkdtempSync(path.join(tmp, "wine-addin-"));
    const url = "https://kensho.city.example.lg.jp/kensho/";
    const r = spawnSync(
      wine!,
      [
        artifact(ARTIFACTS.winExe),
        "addin",
        "--url",
        url,
        "--catalog",
        "\\\\fileserver\\addins",
        "--office-js",
        "local",
        "-o",
        "配置",
      ],
      { cwd: dir, env: wineEnv, stdio: ["ignore", "ignore", "ignore"] },
    );
    expect(r.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, "配置", "catalog", "manifest.xml"), "utf8")).toContain(
      `${url}taskpane.html`,
    );
    expect(
      fs
        .readFileSync(path.join(dir, "配置", "kensho-catalog.reg"))
        .subarray(2)
        .toString("utf16le"),
    ).toContain('"Url"="\\\\\\\\fileserver\\\\addins"');
    expect(fs.existsSync(path.join(dir, "配置", "web", "office-js", "office.js"))).toBe(true);
  });
});

/** Central-directory records of a zip: name, version made by, flags, DOS time and date. */
function centralDirectory(zip: Buffer) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    out.push({
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
      madeBy: zip.readUInt16LE(at + 4),
      flags: zip.readUInt16LE(at + 8),
      time: zip.readUInt16LE(at + 12),
      date: zip.readUInt16LE(at + 14),
      extra,
    });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

const zips = [ARTIFACTS.winZip, ...(settings.addin ? [ARTIFACTS.addinZip] : [])];

describe.each(zips)("%s", (zipName) => {
  const bytes = fs.readFileSync(artifact(zipName));
  const files = unzipSync(bytes);
  const names = Object.keys(files);

  test("holds the runbook (配置手順.md) and THIRD-PARTY-NOTICES.txt with Node.js's, office.js's and the bundled packages' licences", () => {
    expect(names).toEqual(expect.arrayContaining(["配置手順.md", "THIRD-PARTY-NOTICES.txt"]));
    const runbook = Buffer.from(files["配置手順.md"]).toString("utf8");
    expect(runbook).toBe(fs.readFileSync(path.join(ROOT, "docs", "deployment.md"), "utf8"));
    const notices = Buffer.from(files["THIRD-PARTY-NOTICES.txt"]).toString("utf8");
    expect(notices).toContain(`Node.js ${settings.node}`);
    expect(notices).toContain("OpenSSL");
    expect(notices).toContain("MICROSOFT SOFTWARE LICENSE TERMS");
    for (const pkg of ["exceljs ", "react ", "fflate ", "htmlparser2 "])
      expect(notices).toContain(`\n${pkg}`);
  });

  test("every link in its texts resolves inside the zip", () => {
    const checked: string[] = [];
    for (const name of names.filter((n) => /\.(md|txt)$/.test(n) && n !== "THIRD-PARTY-NOTICES.txt")) {
      const text = Buffer.from(files[name]).toString("utf8");
      // Markdown links that are not web addresses or anchors, and "see X" / "同梱の X" in the texts.
      const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
        .map((m) => m[1])
        .filter((l) => !/^(https?:|#)/.test(l));
      const refs = [
        ...text.matchAll(
          /(?:同梱の\s*|)([^\s「」（）()、。`*]+\.(?:md|txt))(?=\s*(?:を参照|を見て))|同梱の\s*([^\s「」（）()、。`*]+\.(?:md|txt))/g,
        ),
      ].map((m) => m[1] ?? m[2]);
      for (const target of [...links, ...refs].map((l) => decodeURI(l.split("#")[0]))) {
        checked.push(target);
        expect({ in: name, target, found: names.includes(target) }).toEqual({
          in: name,
          target,
          found: true,
        });
      }
    }
    expect(checked.length).toBeGreaterThan(0);
  });

  test("is reproducible and readable everywhere: sorted names, one timestamp, UTF-8 names with a Unix origin", () => {
    const cd = centralDirectory(bytes);
    expect(cd.map((e) => e.name)).toEqual([...cd.map((e) => e.name)].sort((a, b) => (a < b ? -1 : 1)));
    const t = new Date(settings.timestamp);
    const dosDate = ((t.getUTCFullYear() - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate();
    for (const e of cd) {
      expect({ name: e.name, madeByHost: e.madeBy >> 8, date: e.date, extra: e.extra }).toEqual({
        name: e.name,
        madeByHost: 3,
        date: dosDate,
        extra: 0,
      });
      expect({ name: e.name, utf8: (e.flags & 0x800) !== 0 }).toEqual({
        name: e.name,
        utf8: /[^\x20-\x7e]/.test(e.name),
      });
    }
  });

  const unzip = fs.existsSync("/usr/bin/unzip");
  (unzip ? test : test.skip)("Info-ZIP's unzip lists the Japanese names as they are", () => {
    const listed = spawnSync("/usr/bin/unzip", ["-Z1", artifact(zipName)], {
      encoding: "utf8",
      env: { ...process.env, LANG: "C.UTF-8" },
    });
    expect(listed.stdout.trim().split("\n").sort()).toEqual([...names].sort());
  });
});

describe("kensho-win-x64.zip", () => {
  const files = unzipSync(fs.readFileSync(artifact(ARTIFACTS.winZip)));

  test("holds the exe, 使い方.txt, the exe's SHA-256, the runbook and the notices, nothing else", () => {
    expect(Object.keys(files).sort()).toEqual(
      [
        ARTIFACTS.winExe,
        "使い方.txt",
        `${ARTIFACTS.winExe}.sha256`,
        "配置手順.md",
        "THIRD-PARTY-NOTICES.txt",
      ].sort(),
    );
    const exe = fs.readFileSync(artifact(ARTIFACTS.winExe));
    expect(Buffer.from(files[ARTIFACTS.winExe]).equals(exe)).toBe(true);
    expect(Buffer.from(files[`${ARTIFACTS.winExe}.sha256`]).toString()).toBe(
      `${sha256(exe)}  ${ARTIFACTS.winExe}\n`,
    );
  });

  test("使い方.txt: Japanese for Notepad (BOM, CRLF), drag and drop explained, the runbook named", () => {
    const text = Buffer.from(files["使い方.txt"]).toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    expect(text).toContain("ドラッグ＆ドロップ");
    expect(text).toContain("検証結果_年月日.txt");
    expect(text).toContain(`Node.js ${settings.node}`);
    expect(text).toContain("配置手順.md");
    expect(text).not.toContain("docs/deployment.md");
  });
});

(settings.addin ? describe : describe.skip)(
  "kensho-addin.zip (KENSHO_BASE_URL and KENSHO_CATALOG set)",
  () => {
    const addin = settings.addin!;
    const files = settings.addin ? unzipSync(fs.readFileSync(artifact(ARTIFACTS.addinZip))) : {};
    const text = (name: string) => Buffer.from(files[name]).toString("utf8");

    test("was built for the KENSHO_BASE_URL and KENSHO_CATALOG in the environment", () => {
      const url = checkBaseUrl(process.env.KENSHO_BASE_URL);
      const catalog = checkCatalogPath(process.env.KENSHO_CATALOG);
      if (url.ok) expect(addin.baseUrl).toBe(url.value);
      if (catalog.ok) expect(addin.catalog).toBe(catalog.value);
    });

    test("the manifest points at KENSHO_BASE_URL only; the .reg pair names KENSHO_CATALOG's key", () => {
      const manifest = text("catalog/manifest.xml");
      expect(manifest).toContain(`<SourceLocation DefaultValue="${addin.baseUrl}taskpane.html"/>`);
      const urls = [...manifest.matchAll(/DefaultValue="(https?:[^"]*)"/g)].map((m) => m[1]);
      expect(urls.length).toBeGreaterThan(5);
      for (const url of urls) expect(url.startsWith(addin.baseUrl)).toBe(true);
      expect(manifest).not.toContain("localhost");
      const reg = Buffer.from(files["kensho-catalog.reg"]).subarray(2).toString("utf16le");
      expect(reg).toContain(`"Url"="${addin.catalog.replace(/\\/g, "\\\\")}"`);
      const remove = Buffer.from(files["kensho-catalog-remove.reg"]).subarray(2).toString("utf16le");
      expect(remove).toContain(`[-${/\[(HKEY_CURRENT_USER[^\]]+)\]/.exec(reg)![1]}]`);
    });

    test("web/ is the pane with content-hashed scripts and web.config; office.js from where the build said", () => {
      const names = Object.keys(files);
      expect(names).toEqual(
        expect.arrayContaining([
          "web/taskpane.html",
          "web/commands.html",
          "web/web.config",
          "web/assets/icon-32.png",
        ]),
      );
      const scripts = names.filter((n) => n.startsWith("web/js/"));
      expect(scripts.some((n) => /^web\/js\/taskpane\.[0-9a-f]{16}\.js$/.test(n))).toBe(true);
      const page = text("web/taskpane.html");
      for (const src of [...page.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]))
        if (!/^https?:/.test(src)) expect(names).toContain(`web/${src}`);
      if (addin.officeJs === "local") {
        expect(page).toContain('src="office-js/office.js"');
        expect(files["web/office-js/office.js"]).toBeDefined();
      } else {
        expect(page).toContain(OFFICE_JS_CDN);
        expect(names.some((n) => n.startsWith("web/office-js/"))).toBe(false);
      }
      expect(text("配置手順.txt")).toContain(addin.baseUrl);
    });

    test("is what `kensho-linux-x64 addin` writes for the same settings, byte for byte", () => {
      if (!onLinuxX64) return;
      const dir = fs.mkdtempSync(path.join(tmp, "same-"));
      const r = spawnSync(
        artifact(ARTIFACTS.linuxBinary),
        [
          "addin",
          "--url",
          addin.baseUrl,
          "--catalog",
          addin.catalog,
          "--office-js",
          addin.officeJs,
          "-o",
          "out",
        ],
        { cwd: dir, encoding: "utf8", env: { PATH: "/nonexistent" } },
      );
      expect(r.status).toBe(0);
      for (const [name, data] of Object.entries(files))
        expect({
          name,
          same: fs.readFileSync(path.join(dir, "out", ...name.split("/"))).equals(Buffer.from(data)),
        }).toEqual({
          name,
          same: true,
        });
    });
  },
);

test("SHA256SUMS.txt lists every artifact with its hash", () => {
  const lines = fs.readFileSync(artifact(ARTIFACTS.sums), "utf8").trim().split("\n");
  const names = [
    ARTIFACTS.winExe,
    ARTIFACTS.linuxBinary,
    ARTIFACTS.winZip,
    ...(settings.addin ? [ARTIFACTS.addinZip] : []),
  ];
  expect(lines).toEqual(names.map((n) => `${sha256(fs.readFileSync(artifact(n)))}  ${n}`));
});
