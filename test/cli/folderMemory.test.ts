// The folder of hostile files, checked by the real `kensho` in a child process: each file
// reported, the good one checked, exit 2, and peak memory under 1 GB. Here the big sheet has 20,000
// rows to keep the suite quick on CI; `npm run bench` runs the same folder with 200,000 rows
// (folderPeakRssMB) and the 200,000-row sheet alone (peakRssMB200k).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { bigSheetWorkbook, buildHostileFixtures } from "../../scripts/build-fixtures";
import { runWithPeakRss } from "../../bench/peakRss";
import { fixturePath } from "../helpers/fixtures";

const ROOT = path.join(__dirname, "..", "..");
let dir: string;
afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

test("a folder with a big sheet, a merge to the last row, a million formatted empty cells, an encrypted file, an .xls, a .csv and a good workbook", async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-folder-"));
  const hx = await buildHostileFixtures(path.join(dir, "fx"));
  const folder = path.join(dir, "提出");
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, "a_大きい.xlsx"), await bigSheetWorkbook(20_000));
  fs.copyFileSync(hx["merge-to-last-row"], path.join(folder, "b_結合.xlsx"));
  fs.copyFileSync(hx["formatted-empty-cells"], path.join(folder, "c_書式だけ.xlsx"));
  fs.copyFileSync(hx.encrypted, path.join(folder, "d_暗号化.xlsx"));
  fs.copyFileSync(hx["legacy-xls"], path.join(folder, "e_古い.xls"));
  fs.writeFileSync(path.join(folder, "f_一覧.csv"), "a,b\n1,2\n");
  fs.copyFileSync(await fixturePath("sample"), path.join(folder, "g_良い.xlsx"));

  const run = await runWithPeakRss([path.join(ROOT, "bin", "kensho.js"), "--json", folder], dir);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(2);
  const json = JSON.parse(run.stdout);
  const seen = json.files.map((f: { file: string; ok: boolean; rows: unknown[] }) => [
    path.basename(f.file),
    f.ok,
    f.rows.length,
  ]);
  expect(seen).toEqual([
    ["a_大きい.xlsx", true, 20_000],
    ["b_結合.xlsx", true, 47],
    ["c_書式だけ.xlsx", true, 47],
    ["d_暗号化.xlsx", false, 0],
    ["g_良い.xlsx", true, 47],
  ]);
  expect(
    json.skipped.map((s: { file: string; reason: string }) => [path.basename(s.file), s.reason]),
  ).toEqual([
    ["e_古い.xls", "legacy-xls"],
    ["f_一覧.csv", "csv"],
  ]);
  if (fs.existsSync("/proc/self/status")) expect(run.peakMB).toBeLessThan(1024);
}, 600_000);
