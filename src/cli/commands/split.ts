// `kensho split MASTER -o DIR [--only 担当課,…] [--password P]`: one protected copy per 担当課.
import * as fs from "fs";
import * as path from "path";
import type { CliIo } from "../cliIo";
import { EXIT } from "../exitCodes";
import type { CommandSpec, OptionValues } from "../options/optionTable";
import { CYCLE_TEXT } from "../../i18n/cycle";
import { applySplit } from "../../adapters/xlsx/cycle/applySplit";
import { protectionHash } from "../../adapters/xlsx/write/protection";
import {
  loadInput,
  profileOption,
  nodeSha512,
  safeFileName,
  writeAtomically,
  writerProblem,
} from "./cycleFiles";

export const SPLIT_COMMAND: CommandSpec = {
  name: "split",
  options: [
    { name: "--output", alias: "-o", kind: "text", valueName: "<フォルダー>" },
    { name: "--only", kind: "texts", valueName: "<担当課,…>" },
    { name: "--password", kind: "text", valueName: "<パスワード>" },
    { name: "--force", kind: "flag" },
    { name: "--profile", kind: "text", valueName: "<市の設定.json>" },
    { name: "--help", alias: "-h", kind: "flag" },
  ],
};

export async function runSplit(values: OptionValues, positionals: string[], io: CliIo): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`${message}\n`);
    return EXIT.failure;
  };
  if (positionals.length === 0) return fail(CYCLE_TEXT.needMaster("split"));
  if (positionals.length > 1) return fail(CYCLE_TEXT.tooManyInputs("split", positionals.slice(1).join(" ")));
  const out = values["--output"] as string | undefined;
  if (!out) return fail(CYCLE_TEXT.needOutput("split"));
  const outDir = path.resolve(io.cwd, out);
  if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory()) return fail(CYCLE_TEXT.notAFolder(out));

  const masterFile = positionals[0];
  const withProfile = profileOption(values, io.cwd);
  if ("message" in withProfile) return fail(withProfile.message);
  const loaded = await loadInput(masterFile, io.cwd, withProfile.profile);
  if (!loaded.ok) return fail(loaded.message);
  const master = loaded.workbook;

  const departments: string[] = [];
  for (const s of master.sheets)
    for (const r of s.rows)
      if (r.department && !departments.includes(r.department)) departments.push(r.department);
  const only = ((values["--only"] as string[] | undefined) ?? [])
    .flatMap((v) => v.split(/[,、，]/))
    .map((d) => d.trim())
    .filter(Boolean);
  for (const d of only)
    if (!departments.includes(d)) return fail(CYCLE_TEXT.unknownDepartment(d, departments));
  const chosen = only.length ? departments.filter((d) => only.includes(d)) : departments;

  const base = path.basename(masterFile).replace(/\.xlsx$/i, "");
  const targets = chosen.map((d) => ({
    department: d,
    file: path.join(outDir, `${base}_${safeFileName(d)}.xlsx`),
  }));
  if (!values["--force"]) {
    const existing = targets.find((t) => fs.existsSync(t.file));
    if (existing) return fail(CYCLE_TEXT.outputExists(path.relative(io.cwd, existing.file)));
  }

  const password = values["--password"] as string | undefined;
  // One salted hash for the run: the same password protects every copy.
  const hash = password ? await protectionHash(password, nodeSha512) : null;
  const results: Array<{ file: string; department: string; rows: number; cells: number; bytes: Uint8Array }> =
    [];
  try {
    for (const t of targets) {
      const r = applySplit(master, t.department, hash);
      results.push({
        file: t.file,
        department: t.department,
        rows: r.rows,
        cells: r.unlockedCells,
        bytes: r.bytes,
      });
    }
  } catch (err) {
    return fail(writerProblem(masterFile, err));
  }
  fs.mkdirSync(outDir, { recursive: true });
  for (const r of results) {
    try {
      writeAtomically(r.file, r.bytes);
    } catch (err) {
      return fail(CYCLE_TEXT.writeFailed(r.file, err instanceof Error ? err.message : String(err)));
    }
  }
  const lines = [CYCLE_TEXT.splitHeading(masterFile, results.length)];
  for (const r of results)
    lines.push(CYCLE_TEXT.splitLine(path.relative(io.cwd, r.file) || r.file, r.department, r.rows, r.cells));
  lines.push(CYCLE_TEXT.splitProtected(master.sheets.length, hash !== null));
  io.stdout(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
