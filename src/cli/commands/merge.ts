// `kensho merge MASTER RETURNED… -o OUT [--json] [--prefer FILE]… [--from 担当課=FILE]… [--force]`
import * as path from "path";
import type { CliIo } from "../cliIo";
import { EXIT } from "../exitCodes";
import type { CommandSpec, OptionValues } from "../options/optionTable";
import { CONFLICT_LABELS, CYCLE_TEXT } from "../../i18n/cycle";
import { planMerge, type MergePlan } from "../../core/cycle/merge";
import { applyMerge } from "../../adapters/xlsx/cycle/applyMerge";
import { DEFAULT_RULE } from "../../core/model";
import { departmentName } from "../../core/departments";
import { checkFile } from "../checkFile";
import { jsonReport } from "../jsonReport";
import { fileReport } from "../textReport";
import { loadInput, profileOption, outputProblem, writeAtomically, writerProblem } from "./cycleFiles";
import type { VerificationWorkbook } from "../../adapters/xlsx/cycle/loadVerificationWorkbook";
import {
  identifyCopy,
  masterIdentity,
  type CopyNote,
  type DepartmentSource,
} from "../../core/cycle/returnedDepartment";

/** What merge learnt about each returned file before planning: whose it is, and how it knows. */
export interface ReturnedFileInfo {
  file: string;
  department: string | null;
  source: DepartmentSource | null;
  notes: CopyNote[];
}

export const MERGE_COMMAND: CommandSpec = {
  name: "merge",
  options: [
    { name: "--output", alias: "-o", kind: "text", valueName: "<ファイル>" },
    { name: "--json", kind: "flag" },
    { name: "--prefer", kind: "texts", valueName: "<ファイル>" },
    { name: "--from", kind: "texts", valueName: "<担当課=ファイル>" },
    { name: "--force", kind: "flag" },
    { name: "--profile", kind: "text", valueName: "<市の設定.json>" },
    { name: "--help", alias: "-h", kind: "flag" },
  ],
};

/** The merge document of domain.md (without `check`, added once OUT is checked). */
export function mergeJson(out: string, plan: MergePlan, files: ReturnedFileInfo[] = []) {
  return {
    version: 1,
    output: out,
    applied: plan.applied.map((a) => ({
      file: a.file,
      department: a.department,
      kpi: a.kpi,
      sheet: a.sheet,
      cells: a.cells,
    })),
    conflicts: plan.conflicts.map((c) => ({
      kind: c.kind,
      kpi: c.kpi,
      department: c.department,
      files: c.files,
      sheet: c.sheet,
      cells: c.cells,
      sources: c.sources,
    })),
    unchanged: plan.unchanged,
    missing: plan.missing,
    // kensho's additions within version 1: each file's department and where it came from, files
    // returned with nothing entered (未記入で返送), and what planning should know about a marker.
    files: files.map((f) => ({
      file: f.file,
      department: f.department,
      departmentFrom: f.source,
      notes: f.notes.map((n) => ({ ...n, message: CYCLE_TEXT.copyNote(n) })),
    })),
    returnedUnchanged: plan.unchanged.map((f) => ({ file: f, department: plan.departmentOf[f] ?? null })),
    warnings: plan.disagreements.map((d) => ({
      kind: "marker-rows-disagree",
      file: d.file,
      department: d.department,
      changedDepartments: d.changed,
      message: CYCLE_TEXT.markerDisagrees(d.file, d.department, d.changed, d.ownChanged),
    })),
  };
}

/** The planner's table: who sent what, what was applied, what needs a decision (file and cell). */
export function mergeText(
  out: string,
  plan: MergePlan,
  files: string[],
  info: ReturnedFileInfo[] = [],
): string {
  const t = CYCLE_TEXT;
  const lines = [t.mergeHeading(out), "", t.submittedHeading];
  for (const f of files) {
    const applied = plan.applied.filter((a) => a.file === f).length;
    const conflicts = plan.conflicts.filter((c) => c.files.includes(f)).length;
    const known = info.find((i) => i.file === f);
    lines.push(t.submittedLine(f, plan.departmentOf[f] ?? null, applied, conflicts, known?.source ?? null));
    for (const n of known?.notes ?? []) lines.push(`      ${t.copyNote(n)}`);
  }
  for (const d of plan.disagreements)
    lines.push(`  ${t.markerDisagrees(d.file, d.department, d.changed, d.ownChanged)}`);
  lines.push("", t.appliedHeading);
  if (plan.applied.length === 0) lines.push(t.noneApplied);
  for (const a of plan.applied)
    lines.push(t.appliedLine(a.sheet, a.cells.join(","), a.kpi, a.department, a.file));
  lines.push("", t.conflictsHeading);
  if (plan.conflicts.length === 0) lines.push(t.noneApplied);
  for (const c of plan.conflicts) {
    lines.push(t.conflictLine(CONFLICT_LABELS[c.kind], c.kpi || "（KPI名称なし）", c.department));
    for (const s of c.sources) lines.push(t.conflictSource(s.file, s.sheet, s.cells.join(",")));
    if (c.sheet && c.cells.length) lines.push(t.conflictMaster(c.sheet, c.cells.join(",")));
    lines.push(`      → ${t.conflictHint[c.kind]}`);
  }
  lines.push(
    "",
    t.returnedUnchangedHeading(
      plan.unchanged.map((f) => ({ file: f, department: plan.departmentOf[f] ?? null })),
    ),
    t.missingHeading(plan.missing),
  );
  return lines.join("\n");
}

export async function runMerge(values: OptionValues, positionals: string[], io: CliIo): Promise<number> {
  const fail = (...messages: string[]) => {
    io.stderr(`${[...messages, CYCLE_TEXT.nothingWritten].join("\n")}\n`);
    return EXIT.failure;
  };
  if (positionals.length === 0) return fail(CYCLE_TEXT.needMaster("merge"));
  if (positionals.length === 1) return fail(CYCLE_TEXT.needReturned);
  const out = values["--output"] as string | undefined;
  if (!out) return fail(CYCLE_TEXT.needOutput("merge"));
  const [masterFile, ...returnedFiles] = positionals;
  const abs = (f: string) => path.resolve(io.cwd, f);
  const seen = new Set<string>();
  for (const f of positionals) {
    if (seen.has(abs(f))) return fail(CYCLE_TEXT.duplicateInput(f));
    seen.add(abs(f));
  }
  const byPath = (opt: string, f: string): string | string[] => {
    const hit = returnedFiles.find((r) => abs(r) === abs(f));
    return hit ?? [CYCLE_TEXT.unknownFile(opt, f)];
  };
  const problems: string[] = [];
  const prefer: string[] = [];
  for (const p of (values["--prefer"] as string[] | undefined) ?? []) {
    const r = byPath("--prefer", p);
    if (Array.isArray(r)) problems.push(...r);
    else prefer.push(r);
  }
  const from: Array<{ department: string; file: string }> = [];
  for (const f of (values["--from"] as string[] | undefined) ?? []) {
    const eq = f.indexOf("=");
    if (eq <= 0 || eq === f.length - 1) {
      problems.push(CYCLE_TEXT.badFrom(f));
      continue;
    }
    const r = byPath("--from", f.slice(eq + 1));
    if (Array.isArray(r)) problems.push(...r);
    else from.push({ department: departmentName(f.slice(0, eq)) ?? f.slice(0, eq).trim(), file: r });
  }
  const outProblem = outputProblem(out, io.cwd, values["--force"] === true, positionals);
  if (outProblem) problems.push(outProblem);
  if (problems.length) return fail(...problems);

  // Every input is read before anything is written; every problem is reported at once.
  const chosen = profileOption(values, io.cwd);
  if ("message" in chosen) return fail(chosen.message);
  const profile = chosen.profile;
  const master = await loadInput(masterFile, io.cwd, profile);
  if (!master.ok) return fail(master.message);
  const copies: VerificationWorkbook[] = [];
  const identity = masterIdentity(
    masterFile,
    master.workbook.fiscalYear,
    master.workbook.sheets.flatMap((s) => s.rows),
  );
  const info: ReturnedFileInfo[] = [];
  for (const f of returnedFiles) {
    const r = await loadInput(f, io.cwd, profile);
    if (!r.ok) {
      problems.push(r.message);
      continue;
    }
    // The marker first: a copy of another master is refused with what it says it came from.
    const id = identifyCopy(f, r.workbook.marker, identity);
    if (!id.ok) problems.push(CYCLE_TEXT.otherMaster(f, id.recorded, id.differs, masterFile));
    else if (r.workbook.fiscalYear !== master.workbook.fiscalYear)
      problems.push(CYCLE_TEXT.otherYear(f, r.workbook.fiscalYear, master.workbook.fiscalYear));
    else {
      copies.push(r.workbook);
      info.push({ file: f, department: id.department, source: id.source, notes: id.notes });
    }
  }
  const masterDepartments = new Set(master.workbook.sheets.flatMap((s) => s.rows.map((r) => r.department)));
  for (const f of from)
    if (!masterDepartments.has(f.department))
      problems.push(
        CYCLE_TEXT.unknownDepartment(
          f.department,
          [...masterDepartments].filter((d): d is string => d !== null),
        ),
      );
  if (problems.length) return fail(...problems);

  const plan = planMerge(
    master.workbook.sheets.flatMap((s) => s.rows),
    copies.map((c, i) => ({
      file: c.name,
      rows: c.sheets.flatMap((s) => s.rows),
      department: info[i].department,
      departmentSource: info[i].source,
    })),
    { prefer, from },
  );
  let written;
  try {
    written = applyMerge(master.workbook.bytes, plan);
    writeAtomically(abs(out), written.bytes);
  } catch (err) {
    return fail(writerProblem(out, err));
  }
  const check = await checkFile(abs(out), DEFAULT_RULE, { profile });
  const checked = { ...check, file: out };
  const hasErrors = !check.ok || check.findings.some((f) => f.severity === "error");
  if (values["--json"]) {
    io.stdout(
      `${JSON.stringify({ ...mergeJson(out, plan, info), check: jsonReport([checked], DEFAULT_RULE) }, null, 2)}\n`,
    );
  } else {
    const text = [mergeText(out, plan, returnedFiles, info)];
    for (const f of written.formulaCells) text.push(`  ${CYCLE_TEXT.formulaInEntry(f.sheet, f.cell)}`);
    text.push("", CYCLE_TEXT.checkHeading(out), fileReport(checked, null));
    io.stdout(`${text.join("\n")}\n`);
  }
  return plan.conflicts.length > 0 || hasErrors || written.formulaCells.length > 0 ? EXIT.findings : EXIT.ok;
}
