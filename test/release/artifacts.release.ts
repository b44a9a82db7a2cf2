// What `npm run release` wrote, checked from the outside: the Linux executable run with no Node
// anywhere on PATH against `node bin/kensho.js`, the Windows executable's PE structure (and, where
// wine is installed, the executable itself), and the contents of both zips.
import { spawnSync, type SpawnSyncOptions } from "child_process";
import * as http from "http";
import type { AddressInfo } from "net";
import { chromium } from "playwright-core";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync } from "fflate";
import { normaliseBaseUrl, OFFICE_JS_CDN } from "../../scripts/release/addin";
import { certificateTable, listResources, parsePe, peChecksum, RT_RCDATA } from "../../scripts/release/pe";
import { normaliseCatalogPath } from "../../scripts/release/registry";
import { ARTIFACTS, type ReleaseSettings } from "../../scripts/release/release";
import { SEA_FUSE } from "../../scripts/release/sea";
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
});

describe("kensho-win-x64.exe", () => {
  const exe = fs.readFileSync(artifact(ARTIFACTS.winExe));
  const img = parsePe(exe);

  test("is a 64-bit console PE executable with a valid checksum and no stale signature", () => {
    expect(img.machine).toBe(0x8664);
    expect(img.magic).toBe(0x20b);
    expect(img.subsystem).toBe(3);
    expect(exe.readUInt32LE(img.checksumOffset)).toBe(peChecksum(exe, img));
    expect(certificateTable(exe, img).size).toBe(0);
  });

  test("carries the SEA blob as the NODE_SEA_BLOB resource, with the fuse set", () => {
    const sea = listResources(exe, img).filter((r) => r.name === "NODE_SEA_BLOB");
    expect(sea).toHaveLength(1);
    expect(sea[0].type).toBe(RT_RCDATA);
    expect(sea[0].data.equals(blob)).toBe(true);
    expect(exe.includes(`${SEA_FUSE}:1`)).toBe(true);
    expect(exe.includes(`${SEA_FUSE}:0`)).toBe(false);
  });

  test("is Node.js of the pinned version (version resource), the same blob as the Linux build, the sample inside", () => {
    const version = listResources(exe, img).find((r) => r.type === 16);
    expect(version?.data.toString("utf16le")).toContain(settings.node);
    expect(fs.readFileSync(artifact(ARTIFACTS.linuxBinary)).includes(blob)).toBe(true);
    expect(blob.includes(sampleBytes)).toBe(true);
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
});

describe("kensho-win-x64.zip", () => {
  const files = unzipSync(fs.readFileSync(artifact(ARTIFACTS.winZip)));

  test("holds the exe, 使い方.txt and the exe's SHA-256, nothing else", () => {
    expect(Object.keys(files).sort()).toEqual(
      [ARTIFACTS.winExe, "使い方.txt", `${ARTIFACTS.winExe}.sha256`].sort(),
    );
    const exe = fs.readFileSync(artifact(ARTIFACTS.winExe));
    expect(Buffer.from(files[ARTIFACTS.winExe]).equals(exe)).toBe(true);
    expect(Buffer.from(files[`${ARTIFACTS.winExe}.sha256`]).toString()).toBe(
      `${sha256(exe)}  ${ARTIFACTS.winExe}\n`,
    );
  });

  test("使い方.txt: Japanese for Notepad (BOM, CRLF), drag and drop explained", () => {
    const text = Buffer.from(files["使い方.txt"]).toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    expect(text).toContain("ドラッグ＆ドロップ");
    expect(text).toContain("検証結果_年月日.txt");
    expect(text).toContain(`Node.js ${settings.node}`);
  });
});

describe("kensho-addin.zip", () => {
  const files = unzipSync(fs.readFileSync(artifact(ARTIFACTS.addinZip)));
  const text = (name: string) => Buffer.from(files[name]).toString("utf8");

  test("was built for the KENSHO_BASE_URL and KENSHO_CATALOG in the environment (when set)", () => {
    if (process.env.KENSHO_BASE_URL)
      expect(settings.baseUrl).toBe(normaliseBaseUrl(process.env.KENSHO_BASE_URL));
    if (process.env.KENSHO_CATALOG)
      expect(settings.catalog).toBe(normaliseCatalogPath(process.env.KENSHO_CATALOG));
  });

  test("the manifest points at KENSHO_BASE_URL only; the catalog copy is the same file", () => {
    const manifest = text("manifest.xml");
    expect(manifest).toContain(`<SourceLocation DefaultValue="${settings.baseUrl}taskpane.html"/>`);
    const urls = [...manifest.matchAll(/DefaultValue="(https?:[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(settings.baseUrl)).toBe(true);
    expect(manifest).not.toContain("localhost");
    expect(Buffer.from(files["catalog/manifest.xml"]).equals(Buffer.from(files["manifest.xml"]))).toBe(true);
  });

  test("kensho-catalog.reg trusts KENSHO_CATALOG for the current user; the removal file deletes that key", () => {
    const reg = Buffer.from(files["kensho-catalog.reg"]).subarray(2).toString("utf16le");
    expect(reg).toContain("[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\{");
    expect(reg).toContain(`"Url"="${settings.catalog.replace(/\\/g, "\\\\")}"`);
    expect(reg).toContain('"Flags"=dword:00000001');
    const remove = Buffer.from(files["kensho-catalog-remove.reg"]).subarray(2).toString("utf16le");
    const key = /\[(HKEY_CURRENT_USER[^\]]+)\]/.exec(reg)![1];
    expect(remove).toContain(`[-${key}]`);
  });

  test("web/ is the built pane; office.js comes from where the build said", () => {
    for (const f of [
      "web/taskpane.html",
      "web/taskpane.js",
      "web/commands.html",
      "web/commands.js",
      "web/assets/icon-32.png",
    ])
      expect(files[f]).toBeDefined();
    const page = text("web/taskpane.html");
    if (settings.officeJs === "local") {
      expect(page).toContain('src="office-js/office.js"');
      expect(files["web/office-js/office.js"]).toBeDefined();
    } else {
      expect(page).toContain(OFFICE_JS_CDN);
      expect(Object.keys(files).some((n) => n.startsWith("web/office-js/"))).toBe(false);
    }
    expect(text("配置手順.txt")).toContain(settings.baseUrl);
  });

  // With office.js carried beside the pane, the page must load it from its own server and never
  // ask Microsoft's CDN. Every request that is not to the test's own loopback server is aborted.
  const canBrowse = settings.officeJs === "local" && fs.existsSync("/usr/bin/chromium");
  (canBrowse ? test : test.skip)(
    "local office.js: Chromium loads it from the pane's server, not the CDN",
    async () => {
      const server = http.createServer((req, res) => {
        const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "");
        const data = files[`web/${rel}`];
        if (!data) return void res.writeHead(404).end();
        const type = rel.endsWith(".html")
          ? "text/html; charset=utf-8"
          : rel.endsWith(".js")
            ? "text/javascript"
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
        await page.route("**/*", (route) => {
          const url = route.request().url();
          if (url.startsWith(origin)) return route.continue();
          outside.push(url);
          return route.abort();
        });
        const served: string[] = [];
        page.on("response", (r) => r.status() === 200 && served.push(r.url().slice(origin.length)));
        await page.goto(`${origin}taskpane.html`);
        const ready = await page.evaluate(() =>
          Promise.race([
            Office.onReady().then(() => "ready"),
            new Promise<string>((r) => setTimeout(() => r("timeout"), 10000)),
          ]),
        );
        expect(ready).toBe("ready");
        expect(served).toEqual(
          expect.arrayContaining(["taskpane.html", "office-js/office.js", "taskpane.js"]),
        );
        expect(outside.filter((u) => u.includes("appsforoffice.microsoft.com"))).toEqual([]);
      } finally {
        await browser.close();
        server.close();
      }
    },
  );
});

test("SHA256SUMS.txt lists every artifact with its hash", () => {
  const lines = fs.readFileSync(artifact(ARTIFACTS.sums), "utf8").trim().split("\n");
  const names = [ARTIFACTS.winExe, ARTIFACTS.linuxBinary, ARTIFACTS.winZip, ARTIFACTS.addinZip];
  expect(lines).toEqual(names.map((n) => `${sha256(fs.readFileSync(artifact(n)))}  ${n}`));
});
