// `npm run bench [-- --json]`: kensho's speed and size figures. Readable lines first; with --json,
// one JSON line at the end. Figures are medians of several rounds; the machine is noisy.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../src/adapters/xlsx/readWorkbook";
import { checkWorkbook } from "../src/core/check";
import { DEFAULT_RULE } from "../src/core/model";
import { checkFile } from "../src/cli/checkFile";
import { findSampleWorkbook } from "../src/cli/sampleWorkbook";
import { repeatDataRows } from "./syntheticSheet";
import { median, timeMs } from "./stats";
import { taskpaneGzipKB } from "./taskpaneSize";
import { syncCounts } from "./syncCounts";

const ROUNDS = 7;
const CORE_ROWS = 10_000;
const WORKBOOKS = 200;

async function coreRowsPerSec(sample: string) {
  const grids = await readWorkbookFile(sample);
  const sheet = grids.find((g) => g.name === "3-2");
  if (!sheet) throw new Error("sample has no sheet 3-2");
  const big = repeatDataRows(sheet, 5, CORE_ROWS);
  const rows = checkWorkbook([big]).rows.length;
  if (rows !== CORE_ROWS) throw new Error(`synthetic sheet gave ${rows} rows, expected ${CORE_ROWS}`);
  for (let i = 0; i < 3; i++) checkWorkbook([big]); // warm-up: let the JIT settle before timing
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) times.push(await timeMs(() => checkWorkbook([big])));
  const ms = median(times);
  return { ms, rowsPerSec: CORE_ROWS / (ms / 1000) };
}

/** 200 distinct workbooks: the sample with the first actual changed in each. */
async function generateWorkbooks(sample: string, dir: string): Promise<string[]> {
  const files: string[] = [];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  const cell = wb.getWorksheet("1-1")?.getCell("I6");
  if (!cell) throw new Error("sample has no 1-1!I6");
  for (let i = 0; i < WORKBOOKS; i++) {
    cell.value = `${1400 + i}件`;
    const file = path.join(dir, `wb-${String(i).padStart(3, "0")}.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
  }
  return files;
}

async function cliOverXlsxLoad(sample: string) {
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
      // Side by side in one run, alternating, so drift on a noisy machine hits both alike.
      const b = await timeMs(bare);
      const w = await timeMs(whole);
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

  const core = await coreRowsPerSec(sample);
  log(
    `core: ${CORE_ROWS.toLocaleString()} KPI rows validated in ${core.ms.toFixed(1)} ms → ${Math.round(core.rowsPerSec).toLocaleString()} rows/s (target ≥ 50,000)`,
  );

  const cli = await cliOverXlsxLoad(sample);
  log(
    `cli: ${WORKBOOKS} workbooks — bare ExcelJS load ${cli.bareMs.toFixed(0)} ms, kensho whole check ${cli.wholeMs.toFixed(0)} ms → ratio ${cli.ratio.toFixed(3)} (target ≤ 1.5)`,
  );

  const syncs = await syncCounts(sample);
  log(
    `excel adapter (fake): full check with flags — sample ${syncs.small} syncs, ${syncs.largeRows.toLocaleString()}-row sheet with ${syncs.largeMerges.toLocaleString()} merged areas ${syncs.large} syncs (target ≤ 3 and equal)`,
  );

  const size = await taskpaneGzipKB();
  log(`task pane: ${size.files.length} JS files, ${size.kb.toFixed(1)} KB gzipped (target ≤ 300)`);

  if (json) {
    log(
      JSON.stringify({
        coreRowsPerSec: Math.round(core.rowsPerSec),
        cliOverXlsxLoad: Number(cli.ratio.toFixed(3)),
        syncsSmall: syncs.small,
        syncsLarge: syncs.large,
        taskpaneGzipKB: Number(size.kb.toFixed(1)),
      }),
    );
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
