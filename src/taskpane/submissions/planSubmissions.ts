// The on-demand half of 提出ファイルを取り込む: reads the picked files with the xlsx reader and plans
// the same merge as `kensho merge` against the open master's grids. The pane loads it with import()
// on the first click, so the reader (its zip and XML libraries) and the merge planner stay out of
// the first load. A file that cannot take part is reported and the others go on.
import { readWorkbookBytes, WorkbookReadError } from "../../adapters/xlsx/read";
import type { MergeEdit } from "../../adapters/excel/workbookHost";
import { RowMatcher } from "../../core/cycle/identity";
import { planMerge, type ReturnedCopy } from "../../core/cycle/merge";
import { verificationSheets } from "../../core/cycle/verificationSheets";
import { identifyCopy, masterIdentity } from "../../core/cycle/returnedDepartment";
import { readSplitMarker, type SplitMarker } from "../../core/cycle/splitMarker";
import type { SheetGrid } from "../../core/model";
import { CYCLE_TEXT } from "../../i18n/cycle";
import { unreadableMessage } from "../../i18n/xlsx";
import type { FileProblem, PickedFile, ReadWorkbooks, SubmissionsPlan } from "./types";

export { submissionsReport } from "./report";

/** The CLI's limit for one file (src/adapters/xlsx/readWorkbook.ts): far beyond any real workbook. */
export const MAX_PICKED_BYTES = 256 * 1024 * 1024;

type Read =
  | {
      ok: true;
      copy: Omit<ReturnedCopy, "department">;
      fiscalYear: string | null;
      marker: SplitMarker | null;
    }
  | { ok: false; message: string };

async function readPicked(file: PickedFile): Promise<Read> {
  const name = file.name;
  if (file.size > MAX_PICKED_BYTES)
    return {
      ok: false,
      message: unreadableMessage("file-too-large", { file: name, limit: MAX_PICKED_BYTES }),
    };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    // The file was moved, deleted or locked after it was picked.
    return { ok: false, message: unreadableMessage("io-error", { file: name }) };
  }
  try {
    let marker: SplitMarker | null = null;
    const grids = await readWorkbookBytes(bytes, {
      name,
      onCustomProperties: (props) => (marker = readSplitMarker(props)),
    });
    const read = verificationSheets(grids);
    if (read.sheets.length === 0) return { ok: false, message: CYCLE_TEXT.notReturnedCopy(name) };
    return {
      ok: true,
      copy: { file: name, rows: read.sheets.flatMap((s) => s.rows) },
      fiscalYear: read.fiscalYear,
      marker,
    };
  } catch (err) {
    if (err instanceof WorkbookReadError)
      return { ok: false, message: unreadableMessage(err.reason, err.params) };
    return { ok: false, message: unreadableMessage("parse-failed", { file: name }) };
  }
}

/** Last year's workbooks as grids (the pane checks them with its own engine). */
export async function readWorkbooks(files: PickedFile[]): Promise<ReadWorkbooks> {
  const workbooks: ReadWorkbooks["workbooks"] = [];
  const problems: FileProblem[] = [];
  for (const file of files) {
    if (file.size > MAX_PICKED_BYTES) {
      problems.push({
        file: file.name,
        message: unreadableMessage("file-too-large", { file: file.name, limit: MAX_PICKED_BYTES }),
      });
      continue;
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let marker: SplitMarker | null = null;
      const grids = await readWorkbookBytes(bytes, {
        name: file.name,
        onCustomProperties: (props) => (marker = readSplitMarker(props)),
      });
      if (verificationSheets(grids).sheets.length === 0)
        problems.push({ file: file.name, message: CYCLE_TEXT.notReturnedCopy(file.name) });
      else
        workbooks.push({
          file: file.name,
          grids,
          department: (marker as SplitMarker | null)?.department ?? null,
        });
    } catch (err) {
      problems.push({
        file: file.name,
        message:
          err instanceof WorkbookReadError
            ? unreadableMessage(err.reason, err.params)
            : unreadableMessage("io-error", { file: file.name }),
      });
    }
  }
  return { workbooks, problems };
}

export async function planSubmissions(
  masterGrids: SheetGrid[],
  files: PickedFile[],
): Promise<SubmissionsPlan> {
  const master = verificationSheets(masterGrids);
  const masterRows = master.sheets.flatMap((s) => s.rows);
  const problems: FileProblem[] = [];
  const copies: ReturnedCopy[] = [];
  if (master.sheets.length === 0) {
    return {
      masterProblem: CYCLE_TEXT.masterNotVerification,
      files: [],
      problems,
      plan: planMerge([], [], { prefer: [], from: [] }),
      edits: [],
    };
  }
  const matcher = new RowMatcher(masterRows);
  // The open workbook's file name is not known to the pane: a copy's name is matched without it.
  const identity = masterIdentity(null, master.fiscalYear, masterRows);
  // One at a time: only one picked file is in memory as bytes.
  for (const file of files) {
    const r = await readPicked(file);
    const id = r.ok ? identifyCopy(file.name, r.marker, identity) : null;
    if (!r.ok) problems.push({ file: file.name, message: r.message });
    else if (id && !id.ok)
      problems.push({
        file: file.name,
        message: CYCLE_TEXT.otherMaster(file.name, id.recorded, id.differs, CYCLE_TEXT.openMaster),
      });
    else if (r.fiscalYear !== master.fiscalYear)
      problems.push({
        file: file.name,
        message: CYCLE_TEXT.otherYear(file.name, r.fiscalYear, master.fiscalYear),
      });
    else if (!r.copy.rows.some((row) => matcher.match(row) !== null))
      problems.push({ file: file.name, message: CYCLE_TEXT.notThisMaster(file.name) });
    else
      copies.push({
        ...r.copy,
        department: id?.ok ? id.department : null,
        departmentSource: id?.ok ? id.source : null,
      });
  }
  const plan = planMerge(masterRows, copies, { prefer: [], from: [] });
  const edits: MergeEdit[] = [];
  for (const a of plan.applied)
    for (const c of a.changes)
      if (c.value.kind !== "copy") edits.push({ sheet: a.sheet, address: c.address, value: c.value });
  const sources = Object.fromEntries(copies.map((c) => [c.file, c.departmentSource ?? null]));
  return { masterProblem: null, files: copies.map((c) => c.file), problems, plan, edits, sources };
}
