// split on hostile masters (issue 21, items 3, 4, 8, 9, 10, 13): copies that would share a file,
// a master whose protection leaks, spellings of one department, a name too long for a file system,
// rows without a department, and the password's limits and sources.
import * as fs from "fs";
import * as path from "path";
import { PassThrough } from "stream";
import {
  buildOutputHostileFixtures,
  LONG_DEPARTMENT,
  type OutputHostileName,
} from "../../scripts/hostile-outputs";
import { partText, runIn, sheetParts, tempDir } from "./helpers";
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/cliIo";
import { hashPassword } from "../../src/adapters/xlsx/write/protection";
import { nodeSha512, writeAllOrNothing } from "../../src/cli/commands/cycleFiles";
import { nameKey } from "../../src/cli/commands/copyNames";
import { readSecret } from "../../src/cli/output/readSecret";
import { loadVerificationWorkbook } from "../../src/adapters/xlsx/cycle/loadVerificationWorkbook";
import { entryCellPositions } from "../../src/core/cycle/entryCells";
import { a1 } from "../../src/core/address";
import { childrenNamed, descendants, firstChild, parseXml } from "../../src/adapters/xlsx/write/xml/xmlTree";

let dir: string;
let hx: Record<OutputHostileName, string>;
beforeAll(async () => {
  dir = tempDir("split-hostile");
  hx = await buildOutputHostileFixtures(path.join(dir, "fx"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const copiesIn = (folder: string) => fs.readdirSync(path.join(dir, folder)).sort();
const read = (folder: string, file: string) => new Uint8Array(fs.readFileSync(path.join(dir, folder, file)));

/**
 * What a copy leaves editable on a sheet, read from the written XML alone, the harsher way where
 * readers differ: a format unlocks when its <protection> says so, or when it has none and its cell
 * style does. Cells are listed by address; a column default, a row default and the sheet's default
 * (format 0) that unlock are listed as "col:…", "row:…" and "default".
 */
function unlockedSet(bytes: Uint8Array, sheetPart: string): Set<string> {
  const styles = parseXml(partText(bytes, "xl/styles.xml")).root;
  const unlocks = (xf: ReturnType<typeof firstChild>) => {
    const p = xf && firstChild(xf, "protection");
    return p ? p.attrs.locked === "0" || p.attrs.locked === "false" : null;
  };
  const styleXfs = childrenNamed(firstChild(styles, "cellStyleXfs")!, "xf");
  const open = childrenNamed(firstChild(styles, "cellXfs")!, "xf").map(
    (xf) => unlocks(xf) ?? unlocks(styleXfs[Number(xf.attrs.xfId ?? 0)]) ?? false,
  );
  const sheet = parseXml(partText(bytes, sheetPart)).root;
  const out = new Set<string>();
  if (open[0]) out.add("default");
  for (const col of descendants(sheet, "col"))
    if (open[Number(col.attrs.style ?? 0)]) out.add(`col:${col.attrs.min}-${col.attrs.max}`);
  for (const row of descendants(sheet, "row")) {
    if (row.attrs.customFormat === "1" && open[Number(row.attrs.s ?? 0)]) out.add(`row:${row.attrs.r}`);
    for (const c of childrenNamed(row, "c")) if (open[Number(c.attrs.s ?? 0)]) out.add(c.attrs.r!);
  }
  return out;
}

/** A department's entry cells per sheet (merged areas whole), from the master as kensho reads it. */
async function entryCells(master: string, department: string): Promise<Map<string, Set<string>>> {
  const wb = await loadVerificationWorkbook(new Uint8Array(fs.readFileSync(master)), master);
  const out = new Map<string, Set<string>>();
  for (const s of wb.sheets) {
    const set = new Set<string>();
    for (const row of s.rows.filter((r) => r.department === department))
      for (const p of entryCellPositions(row, s.layout)) {
        const m = s.grid.merges.find(
          (x) => x.top <= p.row && p.row <= x.bottom && x.left <= p.col && p.col <= x.right,
        );
        if (!m) set.add(a1(p.row, p.col));
        else
          for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) set.add(a1(r, c));
      }
    out.set(s.layout.sheet, set);
  }
  return out;
}

/** Every verification sheet of a copy leaves exactly its department's entry cells editable. */
async function expectOnlyEntryCells(master: string, copy: Uint8Array, department: string): Promise<void> {
  const parts = sheetParts(copy);
  for (const [sheet, cells] of await entryCells(master, department)) {
    expect(partText(copy, parts[sheet])).toContain("<sheetProtection ");
    expect({ sheet, unlocked: [...unlockedSet(copy, parts[sheet])].sort() }).toEqual({
      sheet,
      unlocked: [...cells].sort(),
    });
  }
}

describe("file names: planned first, one per department", () => {
  test("商工/労働課 and 商工:労働課, A課 and a課 get a file each (numbered, and said so); each copy opens only its rows", async () => {
    fs.copyFileSync(hx["colliding-departments"], path.join(dir, "原本.xlsx"));
    const r = await runIn(dir, ["split", "原本.xlsx", "-o", "衝突"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const files = copiesIn("衝突");
    const listed = r.stdout.split("\n").filter((l) => l.startsWith("  衝突/"));
    expect(files).toHaveLength(listed.length);
    expect(new Set(files.map(nameKey)).size).toBe(files.length);
    expect(files).toEqual(
      expect.arrayContaining([
        "原本_商工_労働課.xlsx",
        "原本_商工_労働課(2).xlsx",
        "原本_A課.xlsx",
        "原本_a課(2).xlsx",
      ]),
    );
    expect(r.stdout).toContain("衝突/原本_商工_労働課(2).xlsx: ほかの担当課の写しと同じファイル名になるため");
    const master = path.join(dir, "原本.xlsx");
    await expectOnlyEntryCells(master, read("衝突", "原本_商工_労働課.xlsx"), "商工/労働課");
    await expectOnlyEntryCells(master, read("衝突", "原本_商工_労働課(2).xlsx"), "商工:労働課");
    await expectOnlyEntryCells(master, read("衝突", "原本_a課(2).xlsx"), "a課");
  });

  test("a 120-character 担当課: every copy is written, that one under a shortened name that fits", async () => {
    const r = await runIn(dir, ["split", hx["long-department"], "-o", "長い名前"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const files = copiesIn("長い名前");
    expect(files).toHaveLength(20);
    const long = files.find((f) => f.includes("地域産業振興"))!;
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(255);
    expect(long).toMatch(/…\.xlsx$/);
    expect(r.stdout).toContain(`担当課「${LONG_DEPARTMENT}」の名前が長く`);
  });

  test("a target that cannot be written: exit 2 and no copy at all (written together or not at all)", async () => {
    fs.mkdirSync(path.join(dir, "既存", "long-department_企画調整課.xlsx"), { recursive: true });
    const r = await runIn(dir, ["split", hx["long-department"], "-o", "既存", "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("フォルダーです");
    expect(r.stderr).toContain("何も書き込んでいません");
    expect(copiesIn("既存")).toEqual(["long-department_企画調整課.xlsx"]);
  });

  test("writeAllOrNothing takes back what it placed when a later file fails, and restores a replaced one", () => {
    const folder = path.join(dir, "全部か無か");
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "b.xlsx"), "old");
    const files = [
      { target: path.join(folder, "a.xlsx"), data: new Uint8Array([1]) },
      { target: path.join(folder, "b.xlsx"), data: new Uint8Array([2]) },
      { target: path.join(folder, "無い", "c.xlsx"), data: new Uint8Array([3]) },
    ];
    expect(() => writeAllOrNothing(files)).toThrow();
    expect(fs.readdirSync(folder)).toEqual(["b.xlsx"]); // no a.xlsx, no temp file left
    expect(fs.readFileSync(path.join(folder, "b.xlsx"), "utf8")).toBe("old");
  });
});

describe("protection the master cannot bypass", () => {
  test("Normal style, column and row defaults unlocked, allow-edit ranges: each copy opens exactly its entry cells", async () => {
    const r = await runIn(dir, [
      "split",
      hx["unlocked-master"],
      "-o",
      "漏れ",
      "--only",
      "商工労働課,企業誘致課",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "シート「1-1」の「範囲の編集を許可」（全員 A1:Z200、実績 I6:I30）は写しから削除しました",
    );
    expect(r.stdout).toContain("シート「2-1」の「範囲の編集を許可」");
    for (const [file, department] of [
      ["unlocked-master_商工労働課.xlsx", "商工労働課"],
      ["unlocked-master_企業誘致課.xlsx", "企業誘致課"],
    ]) {
      const copy = read("漏れ", file);
      for (const part of Object.values(sheetParts(copy)))
        expect(partText(copy, part)).not.toContain("protectedRange");
      await expectOnlyEntryCells(hx["unlocked-master"], copy, department);
    }
    // The example: 企業誘致課's I7 and L7 (no <c> element in the master) are not 商工労働課's.
    const commerce = read("漏れ", "unlocked-master_商工労働課.xlsx");
    const open = unlockedSet(commerce, sheetParts(commerce)["1-1"]);
    expect(open.has("I7") || open.has("L7") || open.has("default")).toBe(false);
  });
});

describe("one department, however it is spelled", () => {
  test("split makes one copy per department, says which spellings it merged, and names no copy with an invisible character", async () => {
    const r = await runIn(dir, ["split", hx["department-spellings"], "-o", "表記"]);
    expect(r.code).toBe(0);
    const files = copiesIn("表記");
    expect(files.filter((f) => f.includes("商工労働課"))).toEqual(["department-spellings_商工労働課.xlsx"]);
    expect(files.filter((f) => f.includes("ショウコウ課"))).toEqual([
      "department-spellings_ショウコウ課.xlsx",
    ]);
    expect(files.filter((f) => /_A課/i.test(f))).toEqual(["department-spellings_A課.xlsx"]);
    expect(files).toContain("department-spellings_企画調整課xslx.exe.xlsx");
    for (const f of files) expect(f).not.toMatch(/[\u200B\u2060\uFEFF\u202E]/);
    expect(r.stdout).toContain(
      "担当課「商工 労働課」「商工労働課」は、全角・半角や空白の違いだけなので、同じ担当課「商工労働課」",
    );
    expect(r.stdout).toContain("担当課「ｼｮｳｺｳ課」「ショウコウ課」");
    expect(r.stdout).toContain("担当課「Ａ課」「A課」");
    expect(r.stdout).toMatch(/department-spellings_商工労働課\.xlsx\u3000商工労働課\u30006行/);
  });

  test("the check agrees: one 商工労働課 group, and --department finds every row split put in its copy", async () => {
    const text = await runIn(dir, [hx["department-spellings"]]);
    expect(text.stdout.match(/◆ 商工労働課/g) ?? []).toHaveLength(1);
    expect(text.stdout).toContain(
      "担当課「商工 労働課」「商工労働課」は、全角・半角や空白の違いだけなので、同じ担当課「商工労働課」として扱いました",
    );
    expect(text.stdout).toContain("担当課「ｼｮｳｺｳ課」「ショウコウ課」");
    const json = await runIn(dir, ["--json", "--department", "商工労働課", hx["department-spellings"]]);
    const rows = JSON.parse(json.stdout).files[0].rows;
    expect(rows.map((x: { sheet: string; row: number }) => `${x.sheet}!${x.row}`)).toEqual([
      "1-1!6",
      "1-1!8",
      "1-1!9",
      "1-1!10",
      "1-1!11",
      "3-1!14",
    ]);
    const kana = await runIn(dir, ["--json", "--department", "ｼｮｳｺｳ課", hx["department-spellings"]]);
    expect(JSON.parse(kana.stdout).files[0].rows).toHaveLength(2);
  });

  test("rows without a 担当課 are locked in every copy, and split says so", async () => {
    const r = await runIn(dir, ["split", hx["blank-department"], "-o", "空欄", "--only", "商工労働課"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("担当課が空の行が 2行あります（1-1 7行目、1-1 13行目）");
  });
});

describe("the password", () => {
  async function split(args: string[], extra: Partial<CliIo> = {}) {
    let stdout = "";
    let stderr = "";
    const io: CliIo = {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      stderrIsTTY: false,
      cwd: dir,
      ...extra,
    };
    return { code: await main(["split", hx["blank-department"], ...args], io), stdout, stderr };
  }
  const protectionOf = (folder: string, file: string) => {
    const copy = read(folder, file);
    const xml = partText(copy, sheetParts(copy)["1-1"]);
    return {
      salt: /saltValue="([^"]+)"/.exec(xml)![1],
      hash: /hashValue="([^"]+)"/.exec(xml)![1],
    };
  };

  test("more than 255 characters (what Excel's dialog takes) is refused; nothing written", async () => {
    const r = await split(["-o", "長すぎ", "--password", "x".repeat(256)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("パスワードが長すぎます（256文字）");
    expect(fs.existsSync(path.join(dir, "長すぎ"))).toBe(false);
  });

  test("from KENSHO_PASSWORD, each copy with its own salt; both open with the password", async () => {
    const r = await split(["-o", "環境変数", "--only", "農政課,住宅課"], {
      env: { KENSHO_PASSWORD: "合言葉" },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("環境変数 KENSHO_PASSWORD");
    const a = protectionOf("環境変数", "blank-department_農政課.xlsx");
    const b = protectionOf("環境変数", "blank-department_住宅課.xlsx");
    expect(a.salt).not.toBe(b.salt);
    for (const p of [a, b]) expect(await hashPassword("合言葉", p.salt, 100_000, nodeSha512)).toBe(p.hash);
  });

  test("--password-prompt asks (the answer never on the command line); no answer is exit 2", async () => {
    const asked: string[] = [];
    const r = await split(["-o", "入力", "--only", "農政課", "--password-prompt"], {
      readSecret: async (prompt) => (asked.push(prompt), "x".repeat(255)),
    });
    expect(r.code).toBe(0);
    expect(asked).toEqual(["シート保護のパスワード: "]);
    const p = protectionOf("入力", "blank-department_農政課.xlsx");
    expect(await hashPassword("x".repeat(255), p.salt, 100_000, nodeSha512)).toBe(p.hash);
    const none = await split(["-o", "無回答", "--password-prompt"], { readSecret: async () => null });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("パスワードが入力されませんでした");
  });

  test("the help says a password on the command line is visible to others, and where else to give it", async () => {
    const r = await split(["--help"]);
    expect(r.stdout).toContain("プロセス一覧");
    expect(r.stdout).toContain("KENSHO_PASSWORD");
    expect(r.stdout).toContain("--password-prompt");
  });

  test("readSecret: no echo on a terminal (backspace edits, Enter ends); the first line from a pipe", async () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true, modes: [] as boolean[] });
    const raw = Object.assign(tty, { setRawMode: (m: boolean) => tty.modes.push(m) });
    const shown: string[] = [];
    const answer = readSecret(raw, (t) => shown.push(t), "PW: ");
    raw.write("ab\u007fc\rignored");
    expect(await answer).toBe("ac");
    expect(shown).toEqual(["PW: ", "\n"]);
    expect(raw.modes).toEqual([true, false]);
    const pipe = new PassThrough();
    const line = readSecret(pipe, (t) => shown.push(t), "PW: ");
    pipe.end("secret\r\nnext line\n");
    expect(await line).toBe("secret");
  });
});
