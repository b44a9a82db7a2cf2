// `npm run bench [-- --json]`: kensho's speed and size figures. Readable lines first; with --json,
// one JSON line at the end. Figures are medians of several rounds; the machine is noisy.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../src/adapters/xlsx/readWorkbook";
import type { SheetGrid } from "../src/core/model";
import { displayText } from "../src/core/text";
import { bigSheetWorkbook, buildHostileFixtures } from "../scripts/build-fixtures";
import { runWithPeakRss } from "./peakRss";
import { checkWorkbook } from "../src/core/check";
import { DEFAULT_RULE } from "../src/core/model";
import { checkFile } from "../src/cli/checkFile";
import { findSampleWorkbook } from "../src/cli/sampleWorkbook";
import { distinctFigures, repeatDataRows } from "../scripts/syntheticSheet";
import { WORKBOOKS, generateWorkbooks } from "./workbooks";
import { median, timeMs } from "./stats";
import { taskpaneGzipKB } from "./taskpaneSize";
import { syncCounts } from "./syncCounts";
import { batchOutputs } from "./batchOutputs";

const ROUNDS = 7;
const CORE_ROWS = 10_000;
const SMALL_ROWS = 20_000;
const BIG_ROWS = 200_000;
const ROOT = path.resolve(__dirname, "..", "..", "..");
const BIN = path.join(ROOT, "bin", "kensho.js");

/**
 * kensho itself (bin/kensho.js, a child process) on one-sheet workbooks of 20,000 and 200,000 KPI
 * rows: time (median of 3 at 20,000; one run each of --json and text at 200,000), peak resident
 * memory, and the folder of hostile files around the 200,000-row sheet.
 */
async function bigSheets() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-bench-big-"));
  try {
    const small = path.join(dir, "small.xlsx");
    const big = path.join(dir, "big.xlsx");
    fs.writeFileSync(small, await bigSheetWorkbook(SMALL_ROWS));
    fs.writeFileSync(big, await bigSheetWorkbook(BIG_ROWS));
    const kensho = async (args: string[]) => {
      const run = await runWithPeakRss([BIN, ...args], dir, false);
      if (run.code !== 0 && run.code !== 1)
        throw new Error(`kensho ${args.join(" ")}: exit ${run.code}\n${run.stderr}`);
      return run;
    };
    const smallMs: number[] = [];
    for (let i = 0; i < 3; i++) smallMs.push((await kensho(["--json", small])).ms);
    const bigJson = await kensho(["--json", big]);
    const bigText = await kensho([big]);

    const hx = await buildHostileFixtures(path.join(dir, "fx"));
    const folder = path.join(dir, "folder");
    fs.mkdirSync(folder);
    fs.copyFileSync(big, path.join(folder, "a_200000行.xlsx"));
    fs.copyFileSync(hx["merge-to-last-row"], path.join(folder, "b_結合.xlsx"));
    fs.copyFileSync(hx["formatted-empty-cells"], path.join(folder, "c_書式だけ.xlsx"));
    fs.copyFileSync(hx.encrypted, path.join(folder, "d_暗号化.xlsx"));
    fs.copyFileSync(hx["legacy-xls"], path.join(folder, "e_古い.xls"));
    fs.writeFileSync(path.join(folder, "f_一覧.csv"), "a,b\n1,2\n");
    const good = findSampleWorkbook();
    if (!good) throw new Error("bundled sample not found");
    fs.copyFileSync(good, path.join(folder, "g_良い.xlsx"));
    const run = await runWithPeakRss([BIN, "--json", folder], dir);
    const report = JSON.parse(run.stdout) as { files: { file: string }[]; skipped?: { file: string }[] };
    const reported = [...report.files, ...(report.skipped ?? [])].map((f) => path.basename(f.file)).sort();
    const names = fs.readdirSync(folder).sort();
    return {
      smallMs: median(smallMs),
      bigMs: bigJson.ms,
      scale: bigJson.ms / median(smallMs),
      peakJsonMB: bigJson.peakMB,
      peakTextMB: bigText.peakMB,
      folder: {
        files: names.length,
        code: run.code,
        allReported: JSON.stringify(reported) === JSON.stringify(names),
        peakMB: run.peakMB,
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A bare pass over the same grid: every cell's text NFKC-normalised, nothing else. */
function scanGrid(grid: SheetGrid): number {
  let n = 0;
  for (const c of grid.cells) n += displayText(c).normalize("NFKC").length;
  return n;
}

/**
 * The core check of a 10,000-row sheet over the bare scan of the same grid, measured alternately.
 * `distinct`: every figure differs from row to row, as on a real sheet; otherwise the sample's rows
 * repeat, and the core's per-cell cache answers most value cells.
 */
export async function coreOverScan(sample: string, distinct = false) {
  const grids = await readWorkbookFile(sample);
  const sheet = grids.find((g) => g.name === "3-2");
  if (!sheet) throw new Error("sample has no sheet 3-2");
  const repeated = repeatDataRows(sheet, 5, CORE_ROWS);
  const big = distinct ? distinctFigures(repeated, 5) : repeated;
  const rows = checkWorkbook([big]).rows.length;
  if (rows !== CORE_ROWS) throw new Error(`synthetic sheet gave ${rows} rows, expected ${CORE_ROWS}`);
  for (let i = 0; i < 3; i++) {
    checkWorkbook([big]); // warm-up: let the JIT settle before timing
    scanGrid(big);
  }
  const core: number[] = [];
  const scan: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const s = await timeMs(() => scanGrid(big));
    const c = await timeMs(() => checkWorkbook([big]));
    scan.push(s);
    core.push(c);
    ratios.push(c / s);
  }
  return { coreMs: median(core), scanMs: median(scan), ratio: median(ratios) };
}

export async function cliOverXlsxLoad(sample: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-bench-"));
  try {
    const files = await generateWorkbooks(sample, dir);
    const bare = async () => {
      for (const f of files) await new ExcelJS.Workbook().xlsx.readFile(f);
    };
    const whole = async () => {
      for (const f of files) {
        const r = await checkFile(f, DEFAULT_RULE);
        if (!r.ok) throw new Error(`${f}: ${r.error?.message}`);
      }
    };
    await bare();
    await whole();
    const bareMs: number[] = [];
    const wholeMs: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < 3; i++) {
      // Interleaved file by file, so that load drifting on a shared machine hits both alike.
      let b = 0;
      let w = 0;
      for (const f of files) {
        b += await timeMs(() => new ExcelJS.Workbook().xlsx.readFile(f));
        w += await timeMs(async () => {
          const r = await checkFile(f, DEFAULT_RULE);
          if (!r.ok) throw new Error(`${f}: ${r.error?.message}`);
        });
      }
      bareMs.push(b);
      wholeMs.push(w);
      ratios.push(w / b);
    }
    return { bareMs: median(bareMs), wholeMs: median(wholeMs), ratio: median(ratios) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const json = process.argv.includes("--json");
  const sample = findSampleWorkbook();
  if (!sample) throw new Error("bundled sample not found");
  const log = (s: string) => process.stdout.write(`${s}\n`);
  log(`kensho bench — ${os.cpus().length} cores, node ${process.version}, medians of ${ROUNDS} rounds`);

  const core = await coreOverScan(sample);
  log(
    `core: ${CORE_ROWS.toLocaleString()} KPI rows (the sample's rows repeated) checked in ${core.coreMs.toFixed(1)} ms, bare NFKC scan of the same grid ${core.scanMs.toFixed(1)} ms → ratio ${core.ratio.toFixed(2)} (target ≤ 6)`,
  );
  const coreDistinct = await coreOverScan(sample, true);
  log(
    `core: ${CORE_ROWS.toLocaleString()} KPI rows, every figure distinct, checked in ${coreDistinct.coreMs.toFixed(1)} ms, scan ${coreDistinct.scanMs.toFixed(1)} ms → ratio ${coreDistinct.ratio.toFixed(2)} (target ≤ 6)`,
  );

  const cli = await cliOverXlsxLoad(sample);
  log(
    `cli: ${WORKBOOKS} workbooks — bare ExcelJS load ${cli.bareMs.toFixed(0)} ms, kensho whole check ${cli.wholeMs.toFixed(0)} ms → ratio ${cli.ratio.toFixed(3)} (target ≤ 0.5, aim 0.3)`,
  );

  const big = await bigSheets();
  log(
    `scale: kensho --json on ${SMALL_ROWS.toLocaleString()} rows ${big.smallMs.toFixed(0)} ms, on ${BIG_ROWS.toLocaleString()} rows ${big.bigMs.toFixed(0)} ms → ratio ${big.scale.toFixed(2)} (target ≤ 15; linear is 10)`,
  );
  log(
    `memory: peak RSS of kensho on ${BIG_ROWS.toLocaleString()} rows — --json ${big.peakJsonMB.toFixed(0)} MB, text ${big.peakTextMB.toFixed(0)} MB (target ≤ 1024)`,
  );
  log(
    `folder: ${big.folder.files} files (${BIG_ROWS.toLocaleString()}-row sheet, merge to the last row, 1,000,000 formatted empty cells, encrypted, .xls, .csv, good) — exit ${big.folder.code}, every file reported: ${big.folder.allReported}, peak RSS ${big.folder.peakMB.toFixed(0)} MB (target ≤ 1024)`,
  );

  const batch = await batchOutputs(sample);
  log(
    `batch outputs: ${batch.workbooks} workbooks — plain check ${batch.plainMs.toFixed(0)} ms, with ${batch.outputs.join(" ")} ${batch.outputsMs.toFixed(0)} ms → ratio ${batch.ratio.toFixed(3)} (summary ${batch.summaryKB.toFixed(0)} KB)`,
  );

  const syncs = await syncCounts(sample);
  log(
    `excel adapter (fake): full check with flags — sample ${syncs.small} syncs, ${syncs.largeRows.toLocaleString()}-row sheet with ${syncs.largeMerges.toLocaleString()} merged areas ${syncs.large} syncs (target ≤ 3 and equal)`,
  );

  const size = await taskpaneGzipKB();
  log(
    `task pane: ${size.files.length} JS files, ${size.kb.toFixed(1)} KB gzipped (target ≤ 300); first load ${size.firstKb.toFixed(1)} KB, the rest on demand`,
  );

  if (json) {
    log(
      JSON.stringify({
        coreOverScan: Number(core.ratio.toFixed(2)),
        coreOverScanDistinct: Number(coreDistinct.ratio.toFixed(2)),
        cliOverXlsxLoad: Number(cli.ratio.toFixed(3)),
        batchOutputsOverCheck: Number(batch.ratio.toFixed(3)),
        peakRssMB200k: Math.round(Math.max(big.peakJsonMB, big.peakTextMB)),
        scale200kOver20k: Number(big.scale.toFixed(2)),
        folderPeakRssMB: Math.round(big.folder.peakMB),
        syncsSmall: syncs.small,
        syncsLarge: syncs.large,
        taskpaneGzipKB: Number(size.kb.toFixed(1)),
        taskpaneFirstLoadGzipKB: Number(size.firstKb.toFixed(1)),
      }),
    );
  }
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
