// LibreOffice (Debian's libreoffice-calc-nogui, installed by .ci/run) must open every kind of file
// kensho writes: a split copy (protected, unlocked styles), a merged master and a rolled-over
// workbook (inserted row, new sheet), in both layouts, and the same written from the hostile
// corpus (plus the annotated copy and the summary). One soffice run converts them all to CSV.
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { buildRichMaster } from "../helpers/richMaster";
import { runIn, tempDir } from "./helpers";
import { buildOutputHostileFixtures } from "../../scripts/hostile-outputs";

const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => fs.existsSync(p));

describe("LibreOffice opens what kensho writes", () => {
  test("split, merge and rollover outputs convert to CSV without error", async () => {
    if (!soffice) throw new Error("soffice not found: install libreoffice-calc-nogui (.ci/run does)");
    const dir = tempDir("soffice");
    const written: string[] = [];
    for (const layout of ["multi-sheet", "single-sheet"] as const) {
      const base = layout === "multi-sheet" ? "multi" : "single";
      fs.writeFileSync(path.join(dir, `${base}.xlsx`), await buildRichMaster(layout));
      expect(
        (
          await runIn(dir, [
            "split",
            `${base}.xlsx`,
            "-o",
            `${base}-split`,
            "--only",
            "安心安全課",
            "--password",
            "pw",
          ])
        ).code,
      ).toBe(0);
      written.push(path.join(`${base}-split`, `${base}_安心安全課.xlsx`));
      expect((await runIn(dir, ["rollover", `${base}.xlsx`, "-o", `${base}-r6.xlsx`])).code).toBe(0);
      written.push(`${base}-r6.xlsx`);
    }
    // A merge that writes values (numbers and new text) into the master.
    fs.copyFileSync(path.join(dir, "multi-split", "multi_安心安全課.xlsx"), path.join(dir, "返送.xlsx"));
    const m = await runIn(dir, ["merge", "multi.xlsx", "返送.xlsx", "-o", "multi-merged.xlsx"]);
    expect(m.code).not.toBe(2);
    written.push("multi-merged.xlsx");
    // Outputs written from the hostile corpus (issue 21): text that XML cannot carry as it is, a
    // master whose protection leaked, names that collided.
    const hx = await buildOutputHostileFixtures(path.join(dir, "hostile"));
    fs.copyFileSync(hx["hostile-texts"], path.join(dir, "h.xlsx"));
    fs.copyFileSync(hx["hostile-texts-returned"], path.join(dir, "商工労働課.xlsx"));
    const hostile = [
      ["--annotate", "h-annotated", "--summary", "h-summary.xlsx", "h.xlsx"],
      ["split", "h.xlsx", "-o", "h-split", "--only", "商工労働課"],
      ["rollover", "h.xlsx", "-o", "h-r6.xlsx", "--log", "h-log.csv"],
      ["merge", "h.xlsx", "商工労働課.xlsx", "-o", "h-merged.xlsx"],
      ["split", hx["unlocked-master"], "-o", "h-unlocked", "--only", "企業誘致課"],
      ["split", hx["colliding-departments"], "-o", "h-collide", "--only", "商工:労働課"],
    ];
    for (const args of hostile) expect((await runIn(dir, args)).code).not.toBe(2);
    written.push(
      path.join("h-annotated", "h.xlsx"),
      "h-summary.xlsx",
      path.join("h-split", "h_商工労働課.xlsx"),
      "h-r6.xlsx",
      "h-merged.xlsx",
      path.join("h-unlocked", "unlocked-master_企業誘致課.xlsx"),
      path.join("h-collide", "colliding-departments_商工_労働課.xlsx"),
    );

    const outDir = path.join(dir, "csv");
    const profile = path.join(dir, "profile");
    const r = spawnSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76",
        "--outdir",
        outDir,
        ...written.map((f) => path.join(dir, f)),
      ],
      { encoding: "utf8", timeout: 240_000 },
    );
    expect(r.status).toBe(0);
    for (const f of written) {
      const csv = path.join(outDir, `${path.basename(f, ".xlsx")}.csv`);
      expect(fs.existsSync(csv)).toBe(true);
      const text = fs.readFileSync(csv, "utf8");
      expect(text).toContain(f.includes("r6") ? "令和6年度" : "令和5年度");
      if (f === "h-merged.xlsx") expect(text).toContain("要因_x0041_"); // as staff typed it
    }
  }, 300_000);
});
