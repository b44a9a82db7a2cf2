// LibreOffice (Debian's libreoffice-calc-nogui, installed by .ci/run) opens the batch outputs: the
// summary workbook and the annotated copies, every sheet read back as CSV in one soffice run.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { main, type CliIo } from "../../src/cli/main";
import { buildDistribution, SAMPLE } from "../helpers/distribution";
import { ZipPackage } from "../../src/adapters/xlsx/package";
import { SEVERITY_COLOR } from "../../src/core/flags";

const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => fs.existsSync(p));

async function run(args: string[], cwd: string) {
  let stderr = "";
  const io: CliIo = { stdout: () => undefined, stderr: (t) => (stderr += t), stderrIsTTY: false, cwd };
  return { code: await main(args, io), stderr };
}

test("LibreOffice opens the summary workbook and the annotated copies: every sheet converts to CSV", async () => {
  if (!soffice) throw new Error("soffice not found: install libreoffice-calc-nogui (.ci/run does)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-lo-"));
  try {
    fs.copyFileSync(SAMPLE, path.join(dir, "sample.xlsx"));
    const d = await buildDistribution(path.join(dir, "returned"), ["住宅課"]);
    const summary = await run(["--summary", "summary.xlsx", "--annotate", "copies", "sample.xlsx"], dir);
    expect(summary.stderr).toContain("集計ブックを作成しました");
    expect(summary.stderr).toContain("指摘を書き込んだ写しを作成しました");
    const withMaster = await run(
      ["--summary", "submissions.xlsx", "--master", d.master, d.returned["住宅課"]],
      dir,
    );
    expect(withMaster.stderr).toContain("集計ブックを作成しました");

    const outDir = path.join(dir, "csv");
    const r = spawnSync(
      soffice,
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        // The last token (-1) writes every sheet to its own file: <name>-<sheet>.csv.
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        outDir,
        path.join(dir, "summary.xlsx"),
        path.join(dir, "submissions.xlsx"),
        path.join(dir, "copies", "sample.xlsx"),
      ],
      { encoding: "utf8", timeout: 240_000 },
    );
    expect(r.status).toBe(0);
    const csv = (name: string) => fs.readFileSync(path.join(outDir, name), "utf8");
    expect(csv("summary-集計.csv")).toMatch(/^合計,,47,15,/m);
    expect(csv("summary-進捗一覧.csv")).toContain("危険空き家除却件数");
    expect(csv("summary-指摘一覧.csv")).toContain("master-mismatch");
    expect(csv("submissions-提出状況.csv")).toMatch(/^住宅課,1,提出済み,/m);
    expect(csv("submissions-提出状況.csv")).toMatch(/^企業誘致課,3,未提出,/m);
    // The annotated copy: its values as the sample's (the marks are formatting and notes).
    expect(csv("sample-3-2.csv")).toContain("危険空き家除却件数");
    expect(csv("sample-1-1.csv")).toContain("1,472件");

    // LibreOffice reads kensho's marks as conditional formats in their colours, and the notes:
    // the copy converted to ODS keeps each rule (its marker formula) and a style of kensho's colour.
    const ods = spawnSync(
      soffice,
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "ods",
        "--outdir",
        path.join(dir, "ods"),
        path.join(dir, "copies", "sample.xlsx"),
      ],
      { encoding: "utf8", timeout: 240_000 },
    );
    expect(ods.status).toBe(0);
    const pkg = ZipPackage.open(new Uint8Array(fs.readFileSync(path.join(dir, "ods", "sample.ods"))));
    const content = new TextDecoder().decode(pkg.read("content.xml"));
    const styles = new TextDecoder().decode(pkg.read("styles.xml"));
    const rules = [
      ...content.matchAll(
        /calcext:value="formula-is\(ISTEXT\(&quot;kensho:(error|warning|info):note&quot;\)\)"/g,
      ),
    ];
    expect(rules.length).toBeGreaterThan(10);
    const severities = new Set(rules.map((m) => m[1] as keyof typeof SEVERITY_COLOR));
    const everything = (content + styles).toLowerCase();
    for (const severity of severities)
      expect([
        severity,
        everything.includes(`fo:background-color="${SEVERITY_COLOR[severity].toLowerCase()}"`),
      ]).toEqual([severity, true]);
    expect(content.includes("【kensho】")).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);
