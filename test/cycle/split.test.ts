import * as fs from "fs";
import * as path from "path";
import { buildRichMaster, type RichLayout } from "../helpers/richMaster";
import { changedParts, partText, rawIdentical, runIn, sheetParts, tempDir } from "./helpers";
import { hashPassword } from "../../src/adapters/xlsx/write/protection";
import { nodeSha512 } from "../../src/cli/commands/cycleFiles";
import { parseXml, childrenNamed, firstChild, descendants } from "../../src/adapters/xlsx/write/xml/xmlTree";

describe("sheet protection hash", () => {
  test("matches a published SHA-512 vector (password 12345, 100,000 rounds)", async () => {
    const expected =
      "E+qAhyIg/HM0dUrPaENfimFOZp7wlOkJsf/sdG+AGHOA9grOv7VLb1ik2vuYohljI9G36e0ea9wnixCK0MMuyQ==";
    expect(await hashPassword("12345", "aVvPw1DNH3evPqRAd/y3UQ==", 100_000, nodeSha512)).toBe(expected);
  });
});

/** Whether the cell at an address is locked under the package's styles. */
function lockedAt(bytes: Uint8Array, sheetPart: string, address: string): boolean {
  const sheet = parseXml(partText(bytes, sheetPart));
  const c = descendants(sheet.root, "c").find((x) => x.attrs.r === address);
  const s = Number(c?.attrs.s ?? 0);
  const styles = parseXml(partText(bytes, "xl/styles.xml"));
  const xf = childrenNamed(firstChild(styles.root, "cellXfs")!, "xf")[s];
  const p = firstChild(xf, "protection");
  return !(p && (p.attrs.locked === "0" || p.attrs.locked === "false"));
}

describe.each<RichLayout>(["multi-sheet", "single-sheet"])("kensho split on the rich %s master", (layout) => {
  let dir: string;
  let master: Uint8Array;
  beforeAll(async () => {
    dir = tempDir("split");
    master = await buildRichMaster(layout);
    fs.writeFileSync(path.join(dir, "原本.xlsx"), master);
  });

  test("one copy per 担当課; only the sheets and styles change; entry cells of that department alone are unlocked", async () => {
    // Without a password here: each copy's own salt costs 100,000 SHA-512 rounds (the --only test has one).
    const r = await runIn(dir, ["split", "原本.xlsx", "-o", "配布"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const files = fs.readdirSync(path.join(dir, "配布")).sort();
    expect(files).toHaveLength(20);
    expect(r.stdout).toContain("配布/原本_商工労働課.xlsx　商工労働課　6行");
    const copy = new Uint8Array(fs.readFileSync(path.join(dir, "配布", "原本_商工労働課.xlsx")));
    const parts = sheetParts(master);
    expect(changedParts(master, copy)).toEqual([...Object.values(parts), "xl/styles.xml"].sort());
    // Everything else is the original compressed bytes: logo, drawings, custom properties, theme.
    for (const name of [
      "docProps/custom.xml",
      "xl/media/image1.png",
      "xl/drawings/drawing1.xml",
      "xl/theme/theme1.xml",
      "xl/workbook.xml",
    ])
      expect(rawIdentical(master, copy, name)).toBe(true);
    const first = Object.values(parts)[0];
    const xml = partText(copy, first);
    expect(xml).toMatch(
      /<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"\/>/,
    );
    // Drop-down, conditional format, header/footer and merges are still there, as written.
    const orig = partText(master, first);
    for (const tag of [
      "<dataValidations",
      "<conditionalFormatting",
      "<headerFooter",
      "<mergeCells",
      "<drawing",
    ]) {
      const a = orig.slice(orig.indexOf(tag));
      const b = xml.slice(xml.indexOf(tag));
      expect(b.slice(0, 200)).toBe(a.slice(0, 200));
    }
    // 新規求人数 (商工労働課) entry cells are open; its 目標値 and another department's row are not.
    const row = layout === "multi-sheet" ? 6 : 5;
    const col = (c: string) => `${c}${row}`;
    const [activity, actual, target, status, reason] =
      layout === "multi-sheet" ? ["F", "I", "J", "L", "M"] : ["E", "H", "I", "K", "L"];
    for (const c of [activity, actual, status, reason]) expect(lockedAt(copy, first, col(c))).toBe(false);
    expect(lockedAt(copy, first, col(target))).toBe(true);
    expect(lockedAt(copy, first, `${actual}${row + 1}`)).toBe(true); // 製造品出荷額等: 企業誘致課
    expect(lockedAt(copy, first, `${actual}${row + 2}`)).toBe(false); // 新技術・新製品等の開発数: 商工労働課
  });

  test("--only picks departments; an unknown one is bad usage and writes nothing", async () => {
    const ok = await runIn(dir, [
      "split",
      "原本.xlsx",
      "-o",
      "一部",
      "--only",
      "安心安全課,住宅課",
      "--password",
      "isesaki",
    ]);
    expect(ok.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, "一部")).sort()).toEqual([
      "原本_住宅課.xlsx",
      "原本_安心安全課.xlsx",
    ]);
    const copy = new Uint8Array(fs.readFileSync(path.join(dir, "一部", "原本_住宅課.xlsx")));
    const xml = partText(copy, Object.values(sheetParts(copy))[0]);
    expect(xml).toMatch(
      /<sheetProtection algorithmName="SHA-512" hashValue="[^"]{88}" saltValue="[^"]{24}" spinCount="100000" sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"\/>/,
    );
    expect(xml).not.toContain(' password="');
    const bad = await runIn(dir, ["split", "原本.xlsx", "-o", "無効", "--only", "存在しない課"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("担当課「存在しない課」は原本にありません");
    expect(fs.existsSync(path.join(dir, "無効"))).toBe(false);
  });
});
