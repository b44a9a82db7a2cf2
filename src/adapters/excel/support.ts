// What kensho may use: the host's requirement sets (Office.context.requirements) AND the objects of
// the office.js the pane loaded. A host can report ExcelApi 1.18 while an office.js carried with the
// add-in (KENSHO_OFFICE_JS=local, @microsoft/office-js 1.1.110) has no Excel.NoteCollection, no
// workbook.notes and ignores RunOptions.mergeUndoGroup; queueing ctx.workbook.notes.load() then
// throws in every read. So an API is used only when both say it is there.
import type { HostSupport, LibraryFeature } from "./workbookHost";

/** The slice of Office.context.requirements we use. */
export interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** The slice of the loaded office.js's Excel namespace that tells what it has. */
export interface LibraryLike {
  NoteCollection?: unknown;
  Workbook?: { prototype?: object };
  CustomFunctionManager?: { setVisibility?: unknown };
}

export const MAX_KNOWN_MINOR = 20;

/** "1.14" >= "1.9": compares minor versions numerically, not as strings. */
export function apiAtLeast(version: string, wanted: string): boolean {
  const [aMaj, aMin] = version.split(".").map(Number);
  const [bMaj, bMin] = wanted.split(".").map(Number);
  return aMaj > bMaj || (aMaj === bMaj && (aMin ?? 0) >= (bMin ?? 0));
}

/** What the loaded office.js has of the APIs newer hosts report. */
export function libraryHas(library: LibraryLike | undefined): Record<LibraryFeature, boolean> {
  if (!library) return { notes: true, mergeUndoGroup: true };
  return {
    // ExcelApi 1.18: the class, and the workbook's property that returns it.
    notes:
      typeof library.NoteCollection === "function" &&
      typeof library.Workbook?.prototype === "object" &&
      "notes" in library.Workbook.prototype,
    // RunOptions is an interface with no object of its own; the one other member ExcelApi 1.20
    // added (excel-api-1-20-requirement-set.md: CustomFunctionManager, RunOptions.mergeUndoGroup) is
    // the static CustomFunctionManager.setVisibility. A library that has it knows the option; 1.1.110
    // has neither (an older CustomFunctionManager without setVisibility).
    mergeUndoGroup: typeof library.CustomFunctionManager?.setVisibility === "function",
  };
}

/**
 * Support from a host's ExcelApi version and the library's objects. Undo support is ExcelApi 1.20:
 * "The ExcelApi 1.20 adds undo support for Excel JavaScript APIs" (excel-api-1-20-requirement-set.md);
 * the ExcelUndoApiAll set an earlier draft of the undo article named was never published.
 */
export function supportForVersion(excelApi: string, library?: LibraryLike): HostSupport {
  const has = libraryHas(library);
  const hostNotes = apiAtLeast(excelApi, "1.18");
  const undo = apiAtLeast(excelApi, "1.20");
  const libraryLacks: LibraryFeature[] = [];
  if (hostNotes && !has.notes) libraryLacks.push("notes");
  if (undo && !has.mergeUndoGroup) libraryLacks.push("mergeUndoGroup");
  return {
    excelApi,
    onChanged: apiAtLeast(excelApi, "1.7"),
    dataValidation: apiAtLeast(excelApi, "1.8"),
    comments: apiAtLeast(excelApi, "1.10"),
    mergedAreas: apiAtLeast(excelApi, "1.13"),
    notes: hostNotes && has.notes,
    charts: apiAtLeast(excelApi, "1.7"),
    undo,
    undoGrouping: undo && has.mergeUndoGroup,
    libraryLacks,
  };
}

/** Highest ExcelApi 1.x for which isSetSupported is true; "1.0" when even 1.1 is missing. */
export function detectSupport(requirements: RequirementsLike, library?: LibraryLike): HostSupport {
  let best = "1.0";
  for (let minor = 1; minor <= MAX_KNOWN_MINOR; minor++) {
    // Not strictly monotonic on every platform in theory, so scan all rather than stop early.
    if (requirements.isSetSupported("ExcelApi", `1.${minor}`)) best = `1.${minor}`;
  }
  return supportForVersion(best, library);
}
