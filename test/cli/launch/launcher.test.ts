import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { ConsoleFacts } from "../../../src/cli/launch/consoleFacts";
import { runLauncher, withProgramName, type LauncherDeps } from "../../../src/cli/launch/launcher";
import { main, type CliIo } from "../../../src/cli/main";
import { SAMPLE_RELATIVE_PATH } from "../../../src/cli/sampleWorkbook";

const ROOT = path.join(__dirname, "..", "..", "..");
const SAMPLE = path.join(ROOT, SAMPLE_RELATIVE_PATH);
const NOW = new Date(2025, 5, 1, 9, 5);

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-launch-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** kensho.exe started by a double-click, unless overridden. */
function facts(overrides: Partial<ConsoleFacts> = {}): ConsoleFacts {
  return {
    platform: "win32",
    isSea: true,
    stdinIsTTY: true,
    stdoutIsTTY: true,
    env: {},
    execPath: "C:\\kensho\\kensho-win-x64.exe",
    consoleTitle: () => "C:\\kensho\\kensho-win-x64.exe",
    parentImageName: () => "explorer.exe",
    ...overrides,
  };
}

function setup(f: ConsoleFacts, cwd: string, runMain: LauncherDeps["main"] = main) {
  const out = { stdout: "", stderr: "", keys: 0 };
  const io: CliIo = {
    stdout: (t) => (out.stdout += t),
    stderr: (t) => (out.stderr += t),
    stderrIsTTY: false,
    cwd,
  };
  const deps: LauncherDeps = {
    facts: f,
    io,
    main: runMain,
    sampleBytes: () => new Uint8Array(fs.readFileSync(SAMPLE)),
    waitForKey: async () => {
      out.keys++;
    },
    now: () => NOW,
    tmpDir: tmp,
    version: "9.9.9",
    programName: "kensho",
  };
  return { out, deps };
}

function submissions(): string {
  const folder = path.join(tmp, "提出");
  fs.mkdirSync(folder);
  fs.copyFileSync(SAMPLE, path.join(folder, "商工労働課.xlsx"));
  fs.copyFileSync(SAMPLE, path.join(folder, "安心安全課.xlsx"));
  return folder;
}

test("a folder dropped on kensho.exe: report shown, 検証結果_<date>.txt beside the folder, then a key press", async () => {
  submissions();
  const { out, deps } = setup(facts(), tmp);
  const code = await runLauncher(["提出"], deps);
  expect(code).toBe(0);
  const file = path.join(tmp, "検証結果_20250601.txt");
  const saved = fs.readFileSync(file, "utf8");
  expect(saved.startsWith("\uFEFF効果検証チェック kensho 9.9.9　実行日時: 2025-06-01 09:05\r\n\r\n")).toBe(
    true,
  );
  const plain = await runMainCapturing(["提出"], tmp);
  expect(saved.slice(saved.indexOf("\r\n\r\n") + 4)).toBe(plain.replace(/\n/g, "\r\n"));
  expect(out.stdout.startsWith(plain)).toBe(true);
  expect(out.stdout).toContain(`検証結果を保存しました: ${file}`);
  expect(out.stdout.trimEnd().endsWith("何かキーを押すと、このウィンドウを閉じます。")).toBe(true);
  expect(out.keys).toBe(1);
  expect(fs.readdirSync(path.join(tmp, "提出")).sort()).toEqual(
    ["商工労働課.xlsx", "安心安全課.xlsx"].sort(),
  );
});

test("--csv from a console: the .txt and the CSV report under the same name, CSV exactly as `kensho --csv` prints it", async () => {
  const folder = submissions();
  const { deps } = setup(facts({ env: { PROMPT: "$P$G" } }), tmp);
  await runLauncher(["--csv", path.join(folder, "商工労働課.xlsx")], deps);
  const csv = fs.readFileSync(path.join(folder, "検証結果_20250601.csv"), "utf8");
  expect(csv).toBe(await runMainCapturing(["--csv", path.join(folder, "商工労働課.xlsx")], tmp));
  expect(csv.startsWith("\uFEFFファイル,シート")).toBe(true);
  expect(fs.readFileSync(path.join(folder, "検証結果_20250601.txt"), "utf8")).toContain("■ ");
});

test("from cmd.exe (PROMPT set): report file written, no pause", async () => {
  submissions();
  const { out, deps } = setup(facts({ env: { PROMPT: "$P$G" } }), tmp);
  await runLauncher(["提出"], deps);
  expect(fs.existsSync(path.join(tmp, "検証結果_20250601.txt"))).toBe(true);
  expect(out.keys).toBe(0);
  expect(out.stdout).not.toContain("何かキーを押すと");
});

test("redirected output (--json or `> file`) behaves as the plain CLI: no report file, same bytes", async () => {
  submissions();
  for (const [f, args] of [
    [facts({ stdoutIsTTY: false }), ["提出"]],
    [facts(), ["--json", "提出"]],
  ] as const) {
    const { out, deps } = setup(f, tmp);
    const code = await runLauncher([...args], deps);
    expect(out.stdout.startsWith(await runMainCapturing([...args], tmp))).toBe(true);
    expect(code).toBe(0);
  }
  expect(fs.readdirSync(tmp).filter((n) => n.startsWith("検証結果"))).toEqual([]);
});

test("a double-click with no files checks the embedded sample, named as in a checkout, and explains drag and drop", async () => {
  const { out, deps } = setup(facts(), tmp);
  const code = await runLauncher([], deps);
  expect(code).toBe(0);
  expect(out.stdout.startsWith(await runMainCapturing([], ROOT))).toBe(true);
  expect(out.stdout).toContain(`■ ${SAMPLE_RELATIVE_PATH}`);
  expect(out.stdout).toContain("ドラッグ＆ドロップ");
  expect(out.keys).toBe(1);
  // The temporary copy of the sample is gone, and no report was written for it.
  expect(fs.readdirSync(tmp)).toEqual([]);
});

test("the embedded sample goes first, and the options keep their meaning", async () => {
  const calls: { argv: string[]; cwd: string }[] = [];
  const fake: LauncherDeps["main"] = async (argv, io) => (calls.push({ argv, cwd: io.cwd }), 0);
  const { deps } = setup(facts({ platform: "linux" }), "/somewhere", fake);
  await runLauncher(["--json", "--department", "商工労働課", "--"], deps);
  expect(calls[0].argv).toEqual([SAMPLE_RELATIVE_PATH, "--json", "--department", "商工労働課", "--"]);
  expect(calls[0].cwd.startsWith(tmp)).toBe(true);
  expect(fs.readdirSync(tmp)).toEqual([]);
});

test("--help, --version and bad usage (even with no file) go straight to the CLI", async () => {
  const calls: string[][] = [];
  const fake: LauncherDeps["main"] = async (argv) => (calls.push(argv), 0);
  const { deps } = setup(facts(), tmp, fake);
  await runLauncher(["--help"], deps);
  await runLauncher(["--version"], deps);
  await runLauncher(["--nope", "a.xlsx"], deps);
  await runLauncher(["--department"], deps);
  expect(calls).toEqual([["--help"], ["--version"], ["--nope", "a.xlsx"], ["--department"]]);
});

test("not a single executable (node bin/kensho.js): exactly the CLI, the sample found on disk", async () => {
  const { out, deps } = setup(facts({ isSea: false }), ROOT);
  deps.sampleBytes = () => {
    throw new Error("must not be asked");
  };
  expect(await runLauncher(["--json"], deps)).toBe(0);
  expect(out.stdout).toBe(await runMainCapturing(["--json"], ROOT));
});

test("a folder the report cannot be written to: a Japanese message, the report still on screen, exit code kept", async () => {
  const { out, deps } = setup(facts({ env: { PROMPT: "$P$G" } }), tmp);
  const code = await runLauncher([path.join("届いていない", "a.xlsx")], deps);
  expect(code).toBe(2); // the file is missing, and that is reported as usual
  expect(out.stdout).toContain(`■ ${path.join("届いていない", "a.xlsx")}`);
  expect(out.stderr).toContain(
    `検証結果のファイルを保存できませんでした（${path.join(tmp, "届いていない")}: ENOENT）`,
  );
  expect(fs.readdirSync(tmp)).toEqual([]);
});

test("an unexpected failure inside the CLI: a Japanese message, exit 2, and the window still waits", async () => {
  const { out, deps } = setup(facts(), tmp, async () => {
    throw new Error("boom");
  });
  expect(await runLauncher(["a.xlsx"], deps)).toBe(2);
  expect(out.stderr).toContain("予期しないエラーで検証を終了しました（boom）");
  expect(out.keys).toBe(1);
});

async function runMainCapturing(argv: string[], cwd: string): Promise<string> {
  let s = "";
  await main(argv, { stdout: (t) => (s += t), stderr: () => {}, stderrIsTTY: false, cwd });
  return s;
}

test("run as the executable, --help and the drag-and-drop hint name the file staff have", async () => {
  const { out, deps } = setup(facts(), tmp);
  deps.programName = "kensho-win-x64.exe";
  await runLauncher(["--help"], deps);
  expect(out.stdout).toContain("使い方: kensho-win-x64.exe [オプション]");
  expect(out.stdout).toContain("  kensho-win-x64.exe split <原本.xlsx>");
  expect(out.stdout).toContain("kensho-win-x64.exe addin --url");
  expect(out.stdout).not.toMatch(/(^|\s)kensho (?=[-<a-z[])/m);
  out.stdout = "";
  await runLauncher(["split", "--help"], deps);
  expect(out.stdout).toMatch(/^使い方: kensho-win-x64\.exe split /);
  out.stdout = "";
  await runLauncher([], deps);
  expect(out.stdout).toContain("kensho-win-x64.exe のアイコンにドラッグ＆ドロップ");
  expect(out.stdout).not.toContain("kensho.exe");
});

test("the name is replaced only where it is the command: not in 'kensho の担当者' or the version line", () => {
  expect(withProgramName("kensho 0.1.0（JSON）\nkensho の担当者\n  kensho --json a.xlsx", "k.exe")).toBe(
    "kensho 0.1.0（JSON）\nkensho の担当者\n  k.exe --json a.xlsx",
  );
  expect(withProgramName("使い方: kensho split", "kensho")).toBe("使い方: kensho split");
});
