import * as fs from "fs";
import { strToU8, zipSync } from "fflate";
import {
  OpcPackage,
  PackageError,
  ZipPackage,
  contentTypeOf,
  numFmtCode,
  relsPartFor,
  resolveTarget,
} from "../../../src/adapters/xlsx/package";
import { getFixtures, type Fixtures } from "../../helpers/fixtures";

let fx: Fixtures;
beforeAll(async () => {
  fx = await getFixtures();
});

const bytesOf = (file: string) => new Uint8Array(fs.readFileSync(file));
const failure = (fn: () => unknown): PackageError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof PackageError) return err;
    throw err;
  }
  throw new Error("did not throw");
};

/** Rewrites the declared uncompressed size of every entry (central directory and local headers). */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
    else if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
  }
  return out;
}

describe("ZipPackage", () => {
  it("lists entries and reads them, case-insensitively, with or without a leading slash", () => {
    const zip = ZipPackage.open(bytesOf(fx.sample));
    const names = zip.entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml", "_rels/.rels"]));
    expect(zip.readText("XL/Workbook.xml")).toContain("<sheets>");
    expect(zip.readText("/xl/workbook.xml")).toContain("<sheets>");
    expect(zip.has("xl/nothing.xml")).toBe(false);
    expect(failure(() => zip.read("xl/nothing.xml")).reason).toBe("missing-part");
  });

  it("reads stored and deflated entries, and gives a stored entry's raw bytes unchanged", () => {
    const data = strToU8("<a>".repeat(1000));
    const zip = ZipPackage.open(zipSync({ "s.xml": [data, { level: 0 }], "d.xml": [data, { level: 9 }] }));
    expect(zip.read("s.xml")).toEqual(data);
    expect(zip.read("d.xml")).toEqual(data);
    expect(zip.rawData("s.xml")).toEqual(data);
    expect(zip.rawData("d.xml").length).toBeLessThan(data.length);
    const chunks: number[] = [];
    zip.stream("d.xml", (c) => chunks.push(c.length));
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(data.length);
  });

  it("refuses a part whose declared size is over the limit, before inflating it", () => {
    const zip = ZipPackage.open(zipSync({ "big.xml": new Uint8Array(2_000_000) }));
    const err = failure(() => zip.read("big.xml", { maxBytes: 1_000_000 }));
    expect(err.reason).toBe("part-too-large");
    expect(err.params).toEqual({ part: "big.xml", limit: 1_000_000 });
  });

  it("stops a zip bomb that lies about its size once the real bytes pass the limit", () => {
    const bomb = lieAboutSizes(zipSync({ "bomb.xml": [new Uint8Array(8_000_000), { level: 6 }] }), 100);
    const zip = ZipPackage.open(bomb);
    expect(zip.entries[0].size).toBe(100);
    expect(failure(() => zip.read("bomb.xml", { maxBytes: 2_000_000 })).reason).toBe("part-too-large");
    let seen = 0;
    const err = failure(() => zip.stream("bomb.xml", (c) => (seen += c.length), { maxBytes: 2_000_000 }));
    expect(err.reason).toBe("part-too-large");
    expect(seen).toBeLessThanOrEqual(2_000_000);
  });

  it("tells a non-zip from a damaged zip", () => {
    expect(failure(() => ZipPackage.open(strToU8("a,b,c\n1,2,3\n"))).reason).toBe("not-zip");
    expect(failure(() => ZipPackage.open(new Uint8Array(0))).reason).toBe("not-zip");
    const good = bytesOf(fx.sample);
    expect(failure(() => ZipPackage.open(good.subarray(0, 2000))).reason).toBe("corrupt");
    const damaged = new Uint8Array(good);
    damaged.fill(0x41, 200, damaged.length - 2000); // entries ruined, directory kept
    const zip = ZipPackage.open(damaged);
    const inside = zip.entries.filter(
      (e) => e.localHeaderOffset > 200 && e.localHeaderOffset < damaged.length - 2000,
    );
    expect(inside.length).toBeGreaterThan(0);
    for (const e of inside) expect(failure(() => zip.read(e.name)).reason).toBe("corrupt");
  });
});

describe("OpcPackage", () => {
  it("finds the workbook, its sheets in tab order with their parts, shared strings and styles", () => {
    const pkg = OpcPackage.open(bytesOf(fx["numeric-formats"]));
    expect(pkg.workbookPart()).toBe("/xl/workbook.xml");
    const wb = pkg.workbook();
    expect(wb.sheets.map((s) => s.name)).toEqual(["1-1", "1-2", "2-1", "2-2", "3-1", "3-2"]);
    expect(wb.sheets[0]).toMatchObject({ sheetId: 1, state: "visible", kind: "worksheet" });
    expect(wb.sheets[0].part).toMatch(/^\/xl\/worksheets\/sheet\d+\.xml$/);
    expect(wb.date1904).toBe(false);
    const strings = pkg.sharedStrings();
    expect(strings).toContain("新規求人数");
    const styles = pkg.styles();
    expect([...styles.numFmts.values()]).toEqual(expect.arrayContaining(['#,##0"件"', "0.0%"]));
    expect(styles.cellXfs.length).toBeGreaterThan(1);
    expect(styles.fills.length).toBeGreaterThanOrEqual(2);
    expect(contentTypeOf(pkg.contentTypes(), wb.sheets[0].part!)).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
    );
  });

  it("stops at a shared string longer than the limit", () => {
    const pkg = OpcPackage.open(bytesOf(fx.sample));
    const err = failure(() => pkg.sharedStrings({ maxChars: 20 }));
    expect(err.reason).toBe("string-too-long");
    expect(err.params.limit).toBe(20);
  });

  it("reads hidden states, rich text, phonetic guides and _xHHHH_ escapes", () => {
    const files = {
      "[Content_Types].xml": strToU8(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
      "_rels/.rels": strToU8(
        '<Relationships><Relationship Id="r1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="book/wb.xml"/></Relationships>',
      ),
      "book/wb.xml": strToU8(
        '<x:workbook xmlns:x="s" xmlns:rel="r"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="A" sheetId="3" rel:id="a"/><x:sheet name="B" sheetId="4" state="veryHidden" rel:id="b"/></x:sheets></x:workbook>',
      ),
      "book/_rels/wb.xml.rels": strToU8(
        '<Relationships><Relationship Id="a" Type=".../worksheet" Target="/book/s/a.xml"/><Relationship Id="b" Type=".../worksheet" Target="../b.xml"/><Relationship Id="ss" Type=".../sharedStrings" Target="strings.xml"/></Relationships>',
      ),
      "book/strings.xml": strToU8(
        '<sst><si><t>plain</t></si><si><r><t>順調に</t></r><r><t xml:space="preserve">進捗 </t></r><rPh><t>ジュンチョウ</t></rPh></si><si><t>_x001B_[2J&amp;</t></si></sst>',
      ),
    };
    const pkg = OpcPackage.open(zipSync(files));
    expect(pkg.workbookPart()).toBe("/book/wb.xml");
    const wb = pkg.workbook();
    expect(wb.date1904).toBe(true);
    expect(wb.sheets.map((s) => [s.name, s.state, s.part])).toEqual([
      ["A", "visible", "/book/s/a.xml"],
      ["B", "veryHidden", "/b.xml"],
    ]);
    expect(pkg.sharedStrings()).toEqual(["plain", "順調に進捗 ", "\u001b[2J&"]);
    expect(pkg.styles().cellXfs).toEqual([]);
  });
});

describe("part names", () => {
  it("resolves relationship targets and rels parts", () => {
    expect(resolveTarget("/xl/workbook.xml", "worksheets/sheet1.xml")).toBe("/xl/worksheets/sheet1.xml");
    expect(resolveTarget("/xl/worksheets/sheet1.xml", "../drawings/d1.xml")).toBe("/xl/drawings/d1.xml");
    expect(resolveTarget("/xl/workbook.xml", "/xl/styles.xml")).toBe("/xl/styles.xml");
    expect(relsPartFor("/xl/workbook.xml")).toBe("/xl/_rels/workbook.xml.rels");
    expect(relsPartFor("/")).toBe("/_rels/.rels");
  });

  it("knows the built-in number formats as Excel shows them in Japan", () => {
    const none = { numFmts: new Map<number, string>(), cellXfs: [], fills: [] };
    expect(numFmtCode(none, 0)).toBe("General");
    expect(numFmtCode(none, 9)).toBe("0%");
    expect(numFmtCode(none, 14)).toBe("yyyy/m/d");
    expect(numFmtCode(none, 56)).toBe('m"月"d"日"');
    expect(numFmtCode({ ...none, numFmts: new Map([[164, '0"件"']]) }, 164)).toBe('0"件"');
    expect(numFmtCode(none, 999)).toBe("General");
  });
});
