// Planning's batch outputs against the plain check of the same 200 workbooks: `kensho FILES` and
// `kensho --annotate DIR --summary S.xlsx FILES`, run in-process, alternating.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main, type CliIo } from "../src/cli/main";
import { median, timeMs } from "./stats";
import { WORKBOOKS, generateWorkbooks } from "./workbooks";

const ROUNDS = 3;

async function kensho(args: string[], cwd: string): Promise<number> {
  const io: CliIo = { stdout: () => undefined, stderr: () => undefined, stderrIsTTY: false, cwd };
  return main(args, io);
}

export interface BatchFigure {
  workbooks: number;
  plainMs: number;
  outputsMs: number;
  ratio: number;
  /** What the outputs run wrote, besides the report. */
  outputs: string[];
  summaryKB: number;
}

export async function batchOutputs(sample: string): Promise<BatchFigure> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-bench-batch-"));
  try {
    const files = (await generateWorkbooks(sample, dir)).map((f) => path.basename(f));
    let n = 0;
    const plain = () => kensho(files, dir);
    const outputs = async () => {
      n++;
      const code = await kensho(
        ["--annotate", `copies-${n}`, "--summary", `summary-${n}.xlsx`, ...files],
        dir,
      );
      if (code === 2) throw new Error("the batch outputs failed");
    };
    await plain(); // warm-up
    await outputs();
    const plainMs: number[] = [];
    const outputsMs: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const p = await timeMs(plain);
      const o = await timeMs(outputs);
      plainMs.push(p);
      outputsMs.push(o);
      ratios.push(o / p);
    }
    return {
      workbooks: WORKBOOKS,
      plainMs: median(plainMs),
      outputsMs: median(outputsMs),
      ratio: median(ratios),
      outputs: ["--annotate", "--summary"],
      summaryKB: fs.statSync(path.join(dir, `summary-${n}.xlsx`)).size / 1024,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
