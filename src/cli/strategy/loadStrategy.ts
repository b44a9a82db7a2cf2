// Loads a KPI master file for `--strategy FILE`: a clear Japanese message for every way it can be
// wrong (missing, too large, not JSON, not the documented shape), never a stack trace.
import { promises as fs } from "fs";
import { readKpiMaster } from "../../core/master/readMaster";
import type { KpiMaster } from "../../core/master/kpiMaster";
import { STRATEGY_TEXT, renderMasterProblem } from "../../i18n/strategy";

/** A master is a few hundred kilobytes at most; anything bigger is the wrong file. */
export const STRATEGY_FILE_LIMIT_MB = 10;

export type StrategyLoad = { ok: true; master: KpiMaster } | { ok: false; message: string };

/** "line 3, column 7" from a JSON.parse error, when the engine says where. */
function whereInText(text: string, err: unknown): string | null {
  const m = /position (\d+)/.exec(err instanceof Error ? err.message : "");
  if (!m) return null;
  const before = text.slice(0, Number(m[1]));
  const lines = before.split("\n");
  return STRATEGY_TEXT.lineColumn(lines.length, lines[lines.length - 1].length + 1);
}

export async function loadStrategyFile(file: string, shownAs = file): Promise<StrategyLoad> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { ok: false, message: STRATEGY_TEXT.notAFile(shownAs) };
    if (stat.size > STRATEGY_FILE_LIMIT_MB * 1024 * 1024)
      return { ok: false, message: STRATEGY_TEXT.tooLarge(shownAs, STRATEGY_FILE_LIMIT_MB) };
    text = (await fs.readFile(file, "utf8")).replace(/^\uFEFF/, "");
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      return { ok: false, message: STRATEGY_TEXT.notFound(shownAs) };
    return { ok: false, message: STRATEGY_TEXT.readFailed(shownAs) };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: STRATEGY_TEXT.notJson(shownAs, whereInText(text, err)) };
  }
  const read = readKpiMaster(data);
  if (read.ok) return { ok: true, master: read.master };
  const lines = [
    STRATEGY_TEXT.badMaster(shownAs, read.total),
    ...read.problems.map((p) => `  ・${renderMasterProblem(p)}`),
  ];
  if (read.total > read.problems.length)
    lines.push(`  ・${STRATEGY_TEXT.moreProblems(read.total - read.problems.length)}`);
  return { ok: false, message: lines.join("\n") };
}
