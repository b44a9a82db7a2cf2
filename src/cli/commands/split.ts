// `kensho split MASTER -o DIR [--only 担当課,…] [--password-prompt | --password P]`: one protected
// copy per 担当課. Everything is planned and checked before anything is written (departments, file
// names, lengths, existing files, the password); the copies are then written together, all or none.
import * as fs from "fs";
import * as path from "path";
import type { CliIo } from "../cliIo";
import { EXIT } from "../exitCodes";
import type { CommandSpec, OptionValues } from "../options/optionTable";
import { CYCLE_TEXT } from "../../i18n/cycle";
import { applySplit, type RemovedRange } from "../../adapters/xlsx/cycle/applySplit";
import { protectionHash, type ProtectionHash } from "../../adapters/xlsx/write/protection";
import type { VerificationWorkbook } from "../../adapters/xlsx/cycle/loadVerificationWorkbook";
import { departmentName, mergedSpellings } from "../../core/departments";
import { displayText } from "../../core/text";
import { loadInput, nodeSha512, profileOption, writeAllOrNothing, writerProblem } from "./cycleFiles";
import { planCopyNames } from "./copyNames";
import { kpiListDigest, overlongMarkerValue, type SplitMarker } from "../../core/cycle/splitMarker";

export const SPLIT_COMMAND: CommandSpec = {
  name: "split",
  options: [
    { name: "--output", alias: "-o", kind: "text", valueName: "<フォルダー>" },
    { name: "--only", kind: "texts", valueName: "<担当課,…>" },
    { name: "--password-prompt", kind: "flag" },
    { name: "--password", kind: "text", valueName: "<パスワード>" },
    { name: "--force", kind: "flag" },
    { name: "--profile", kind: "text", valueName: "<市の設定.json>" },
    { name: "--help", alias: "-h", kind: "flag" },
  ],
};

/** Excel's protection dialogs take at most 255 characters: a longer password could never be typed. */
export const MAX_PASSWORD_LENGTH = 255;
/** The environment variable a password may come from, out of the process list and the history. */
export const PASSWORD_ENV = "KENSHO_PASSWORD";

/** Windows' MAX_PATH (260 UTF-16 units, the NUL included) unless long paths are enabled; Linux's
 * PATH_MAX (4096 bytes). */
const MAX_PATH = process.platform === "win32" ? 259 : 4095;
const pathLength = (p: string) => (process.platform === "win32" ? p.length : Buffer.byteLength(p));

type PasswordSource =
  { ok: true; password: string | null; fromEnv: boolean } | { ok: false; message: string };

/** The password: --password, else --password-prompt's answer, else KENSHO_PASSWORD, else none. */
async function splitPassword(values: OptionValues, io: CliIo): Promise<PasswordSource> {
  const given = values["--password"] as string | undefined;
  const prompt = values["--password-prompt"] === true;
  if (given !== undefined && prompt) return { ok: false, message: CYCLE_TEXT.passwordTwice };
  let password: string | null = given ?? null;
  let fromEnv = false;
  if (prompt) {
    password = io.readSecret ? await io.readSecret(CYCLE_TEXT.passwordPrompt) : null;
    if (password === null) return { ok: false, message: CYCLE_TEXT.passwordNotGiven };
  } else if (password === null && io.env?.[PASSWORD_ENV] !== undefined) {
    password = io.env[PASSWORD_ENV]!;
    fromEnv = true;
  }
  if (password === null) return { ok: true, password, fromEnv };
  if (password === "") return { ok: false, message: CYCLE_TEXT.passwordEmpty };
  if (password.length > MAX_PASSWORD_LENGTH)
    return { ok: false, message: CYCLE_TEXT.passwordTooLong(password.length) };
  return { ok: true, password, fromEnv };
}

/** The master's departments in order of appearance, its spellings, and its rows without one. */
function departmentsOf(master: VerificationWorkbook) {
  const departments: string[] = [];
  const written: string[] = [];
  const blank: string[] = [];
  for (const s of master.sheets)
    for (const r of s.rows) {
      const cell = r.cells.department?.cell;
      if (cell) written.push(displayText(cell));
      if (r.department === null) blank.push(`${s.layout.sheet} ${r.row}行目`);
      else if (!departments.includes(r.department)) departments.push(r.department);
    }
  return { departments, spellings: mergedSpellings(written), blank };
}

function rangesLines(removed: readonly RemovedRange[]): string[] {
  const bySheet = new Map<string, Set<string>>();
  for (const r of removed) {
    let set = bySheet.get(r.sheet);
    if (!set) bySheet.set(r.sheet, (set = new Set()));
    set.add(r.name ? `${r.name} ${r.sqref}` : r.sqref);
  }
  return [...bySheet].map(([sheet, ranges]) => CYCLE_TEXT.splitRemovedRanges(sheet, [...ranges].join("、")));
}

export async function runSplit(values: OptionValues, positionals: string[], io: CliIo): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`${message}\n${CYCLE_TEXT.nothingWritten}\n`);
    return EXIT.failure;
  };
  if (positionals.length === 0) return fail(CYCLE_TEXT.needMaster("split"));
  if (positionals.length > 1) return fail(CYCLE_TEXT.tooManyInputs("split", positionals.slice(1).join(" ")));
  const out = values["--output"] as string | undefined;
  if (!out) return fail(CYCLE_TEXT.needOutput("split"));
  const outDir = path.resolve(io.cwd, out);
  if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory()) return fail(CYCLE_TEXT.notAFolder(out));
  const secret = await splitPassword(values, io);
  if (!secret.ok) return fail(secret.message);

  const masterFile = positionals[0];
  const withProfile = profileOption(values, io.cwd);
  if ("message" in withProfile) return fail(withProfile.message);
  const loaded = await loadInput(masterFile, io.cwd, withProfile.profile);
  if (!loaded.ok) return fail(loaded.message);
  const master = loaded.workbook;

  const { departments, spellings, blank } = departmentsOf(master);
  const only = ((values["--only"] as string[] | undefined) ?? []).flatMap((v) => v.split(/[,、，]/));
  const wanted: string[] = [];
  for (const d of only) {
    if (d.trim() === "") continue;
    const name = departmentName(d);
    if (name === null || !departments.includes(name))
      return fail(CYCLE_TEXT.unknownDepartment(d.trim(), departments));
    wanted.push(name);
  }
  const chosen = wanted.length ? departments.filter((d) => wanted.includes(d)) : departments;

  // Every name planned and checked before the first byte is written.
  const base = path.basename(masterFile).replace(/\.xlsx$/i, "");
  const targets = planCopyNames(base, chosen).map((p) => ({ ...p, file: path.join(outDir, p.name) }));
  const shown = (file: string) => path.relative(io.cwd, file) || file;
  for (const t of targets) {
    if (pathLength(t.file) > MAX_PATH) return fail(CYCLE_TEXT.splitPathTooLong(shown(t.file), MAX_PATH));
    if (!fs.existsSync(t.file)) continue;
    if (!fs.statSync(t.file).isFile()) return fail(CYCLE_TEXT.targetIsFolder(shown(t.file)));
    if (!values["--force"]) return fail(CYCLE_TEXT.outputExists(shown(t.file)));
  }

  // What each copy records about itself (docs/domain.md, "Planning's year, continued").
  const digest = kpiListDigest(master.sheets.flatMap((s) => s.rows));
  const markerOf = (department: string): SplitMarker => ({
    department,
    masterFile: path.basename(masterFile),
    fiscalYear: master.fiscalYear ?? "",
    kpiDigest: digest,
  });
  for (const t of targets) {
    const long = overlongMarkerValue(markerOf(t.department));
    if (long !== null) return fail(CYCLE_TEXT.markerTooLong(long));
  }

  const results: Array<{ file: string; department: string; rows: number; cells: number; bytes: Uint8Array }> =
    [];
  const removed: RemovedRange[] = [];
  try {
    for (const t of targets) {
      // Each copy its own salt: two copies never share a hash, though they share the password.
      const hash: ProtectionHash | null =
        secret.password === null ? null : await protectionHash(secret.password, nodeSha512);
      const r = applySplit(master, t.department, hash, markerOf(t.department));
      if (removed.length === 0) removed.push(...r.removedRanges);
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
  const created = !fs.existsSync(outDir);
  try {
    fs.mkdirSync(outDir, { recursive: true });
    writeAllOrNothing(results.map((r) => ({ target: r.file, data: r.bytes })));
  } catch (err) {
    if (created) fs.rmSync(outDir, { recursive: true, force: true });
    const code = (err as { code?: string }).code;
    return fail(CYCLE_TEXT.writeFailed(out, code ?? (err instanceof Error ? err.message : String(err))));
  }
  const lines = [CYCLE_TEXT.splitHeading(masterFile, results.length)];
  for (const r of results) lines.push(CYCLE_TEXT.splitLine(shown(r.file), r.department, r.rows, r.cells));
  for (const t of targets) {
    if (t.numbered) lines.push(CYCLE_TEXT.splitNumbered(shown(t.file), t.department));
    if (t.shortened) lines.push(CYCLE_TEXT.splitShortened(shown(t.file), t.department));
  }
  for (const s of spellings)
    if (chosen.includes(s.department)) lines.push(CYCLE_TEXT.splitSpellings(s.department, s.spellings));
  if (blank.length > 0)
    lines.push(
      CYCLE_TEXT.splitBlankDepartment(
        blank.length,
        blank.slice(0, 5).join("、") + (blank.length > 5 ? "…" : ""),
      ),
    );
  lines.push(...rangesLines(removed));
  lines.push(CYCLE_TEXT.splitProtected(master.sheets.length, secret.password !== null));
  if (secret.fromEnv) lines.push(CYCLE_TEXT.splitPasswordFromEnv);
  io.stdout(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
