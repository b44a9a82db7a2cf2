// The command line on hostile input: every file answered clearly, the others' results kept, exit 2.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildHostileFixtures, type HostileName } from "../../scripts/build-fixtures";
import { fixturePath } from "../helpers/fixtures";
import { runCli } from "../helpers/runCli";

let dir: string;
let hx: Record<HostileName, string>;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-hostile-"));
  hx = await buildHostileFixtures(path.join(dir, "fx"));
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[], cwd = dir) {
  return runCli(args, cwd);
}

const jsonOf = async (args: string[]) => {
  const r = await run(["--json", ...args]);
  return { ...r, json: JSON.parse(r.stdout) };
};

// Control characters of any kind (C0 but LF/CR/tab, DEL, C1) and bidi overrides.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe("a folder of returned files", () => {
  let folder: string;
  beforeAll(async () => {
    folder = path.join(dir, "提出");
    fs.mkdirSync(folder);
    const sample = await fixturePath("sample");
    fs.copyFileSync(sample, path.join(folder, "商工労働課.xlsx"));
    fs.copyFileSync(hx.encrypted, path.join(folder, "暗号化.xlsx"));
    fs.copyFileSync(hx["legacy-xls"], path.join(folder, "古い形式.xls"));
    fs.writeFileSync(path.join(folder, "一覧.csv"), "a,b\n1,2\n");
    fs.writeFileSync(path.join(folder, "提出.ods"), "PK");
    fs.copyFileSync(hx["lock-file"], path.join(folder, "~$商工労働課.xlsx"));
    fs.writeFileSync(path.join(folder, "メモ.txt"), "memo");
    fs.mkdirSync(path.join(folder, "過去分"));
    fs.symlinkSync("ループ.xlsx", path.join(folder, "ループ.xlsx")); // a link to itself: ELOOP
  });

  it("checks every workbook, names every skipped file with its reason, and exits 2", async () => {
    const { code, json } = await jsonOf(["提出"]);
    expect(code).toBe(2);
    const files = json.files.map((f: { file: string; ok: boolean; error: { message: string } | null }) => [
      path.basename(f.file),
      f.ok,
      f.error?.message ?? null,
    ]);
    expect(files).toEqual([
      ["ループ.xlsx", false, expect.stringContaining("シンボリックリンクが循環")],
      ["暗号化.xlsx", false, expect.stringContaining("パスワードで保護（暗号化）")],
      ["商工労働課.xlsx", true, null],
    ]);
    expect(json.files[2].rows).toHaveLength(47);
    const skipped = Object.fromEntries(
      json.skipped.map((s: { file: string; reason: string; message: string }) => [
        path.basename(s.file),
        s.reason,
      ]),
    );
    expect(skipped).toEqual({
      "~$商工労働課.xlsx": "lock-file",
      "一覧.csv": "csv",
      "古い形式.xls": "legacy-xls",
      "提出.ods": "ods",
      "メモ.txt": "not-workbook",
      過去分: "folder",
    });
    for (const s of json.skipped) expect(s.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
  });

  it("names the skipped files in the text report and the CSV too", async () => {
    const text = await run(["提出"]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain("■ 検証しなかったファイル");
    for (const name of ["古い形式.xls", "一覧.csv", "提出.ods", "~$商工労働課.xlsx", "メモ.txt"])
      expect(text.stdout).toContain(name);
    expect(text.stdout).toContain("古い Excel 形式 (.xls)");
    const csv = await run(["--csv", "提出"]);
    expect(csv.stdout).toMatch(/古い形式\.xls,,,,,,情報,skipped:legacy-xls,/);
  });

  it("a folder with only non-workbooks, or none at all, is bad usage (exit 2) that names what it skipped", async () => {
    const only = path.join(dir, "CSVだけ");
    fs.mkdirSync(only);
    fs.writeFileSync(path.join(only, "a.csv"), "x");
    const r = await run(["CSVだけ"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("a.csv");
    expect(r.stderr).toContain("検証できるブック");
    fs.mkdirSync(path.join(dir, "空"));
    const empty = await run([await fixturePath("sample"), "空"]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("フォルダー「空」");
  });
});

describe("files named directly", () => {
  it("an Excel lock file is named as one, not as a renamed CSV", async () => {
    const { code, json } = await jsonOf([hx["lock-file"]]);
    expect(code).toBe(2);
    expect(json.files[0].error.message).toContain("ロックファイル");
    expect(json.files[0].error.message).not.toContain("CSV");
  });

  it("a symbolic-link loop is named as one, not as a permission problem", async () => {
    const link = path.join(dir, "self.xlsx");
    fs.symlinkSync("self.xlsx", link);
    const { json } = await jsonOf([link]);
    expect(json.files[0].error.message).toContain("シンボリックリンクが循環");
    expect(json.files[0].error.message).not.toContain("権限");
  });

  it("a password-protected file and an .xls are told apart", async () => {
    const { json } = await jsonOf([hx.encrypted, hx["legacy-xls"]]);
    expect(json.files[0].error.message).toContain("暗号化");
    expect(json.files[1].error.message).toContain("古い Excel 形式 (.xls)");
  });

  it("a string over the limit is a per-file error; the other files are still checked", async () => {
    const { code, json } = await jsonOf([hx["long-shared-string"], await fixturePath("sample")]);
    expect(code).toBe(2);
    expect(json.files[0].ok).toBe(false);
    expect(json.files[0].error.message).toContain("長すぎる文字列");
    expect(json.files[1].rows).toHaveLength(47);
  });

  it("rows and cells without the r attribute are read (Excel accepts them)", async () => {
    const plain = await jsonOf([await fixturePath("sample")]);
    const bare = await jsonOf([hx["no-r-attributes"]]);
    expect(bare.code).toBe(plain.code);
    expect(bare.json.files[0].rows).toEqual(plain.json.files[0].rows);
    expect(bare.json.files[0].findings).toEqual(plain.json.files[0].findings);
  });
});

describe("uncalculated formulas", () => {
  it("a formula without a result is uncalculated-formula, not a missing actual", async () => {
    const { code, json } = await jsonOf([hx["uncalculated-formula"]]);
    expect(code).toBe(1);
    const at = json.files[0].findings.filter(
      (f: { sheet: string; cell: string }) => f.sheet === "1-1" && f.cell === "I6",
    );
    expect(at.map((f: { code: string }) => f.code)).toEqual(["uncalculated-formula"]);
    expect(at[0].severity).toBe("error");
    expect(at[0].message).toContain("Excelで開いて保存し直してください");
  });
});

describe("what kensho prints is safe", () => {
  it("strips terminal escapes (decoded from _x001B_) and other control characters from text, JSON and CSV", async () => {
    for (const args of [[], ["--json"], ["--csv"]]) {
      const { stdout } = await run([...args, hx["escape-sequences"]]);
      expect(stdout).not.toMatch(CONTROL);
      expect(stdout).toContain("[31m商工労働課");
    }
    const { json } = await jsonOf([hx["escape-sequences"]]);
    expect(json.files[0].rows[0].name).toBe("新規求人数[2J]0;pwned31m");
  });

  it("JSON keeps the spaces around formula-like text; CSV neutralises = + - @ and ＝ ＋ － ＠", async () => {
    const { json } = await jsonOf([hx["formula-like-text"]]);
    const row6 = json.files[0].rows.find((r: { row: number }) => r.row === 6);
    expect(row6.enteredStatus).toBe(" =1+1 ");
    const { stdout } = await run(["--csv", "--department", '＝HYPERLINK("x")', hx["formula-like-text"]]);
    const lines = stdout.split("\r\n").slice(1, -1);
    expect(lines.length).toBeGreaterThan(0);
    // The department is read as NFKC (＝ is =), and is still neutralised.
    for (const line of lines) expect(line).toContain(`,"'=HYPERLINK(""x"")",`);
  });
});

describe("--department", () => {
  it("an unknown department is bad usage (exit 2) naming the departments found", async () => {
    const r = await run(["--department", "存在しない課", await fixturePath("sample")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("担当課「存在しない課」");
    expect(r.stderr).toContain("商工労働課");
    expect(r.stderr).toContain("企業誘致課");
  });

  it("matches a department whatever its width or spacing", async () => {
    const { code, json } = await jsonOf(["--department", "企業誘致課　", await fixturePath("sample")]);
    expect(code).toBe(0);
    expect(json.files[0].rows).toHaveLength(3);
  });
});
