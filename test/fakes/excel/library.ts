// [libraryPresence] What the office.js the pane loaded has, apart from what the host reports.
// @microsoft/office-js's README: "each version of the NPM package for Office.js contains only the
// Office.js APIs that were available at the point in time when that version of the NPM package was
// created"; 1.1.110 (KENSHO_OFFICE_JS=local) has no Excel.NoteCollection and no workbook.notes (the
// property is simply undefined, so `ctx.workbook.notes.load()` throws a TypeError), and ignores
// RunOptions.mergeUndoGroup (no undo group is made).
export interface LibraryOptions {
  /** Excel.NoteCollection and workbook.notes / worksheet.notes (ExcelApi 1.18). */
  notes?: boolean;
  /** RunOptions.mergeUndoGroup honoured, with ExcelApi 1.20's CustomFunctionManager.setVisibility. */
  mergeUndoGroup?: boolean;
}

export type FakeLibrary = Required<LibraryOptions>;

/** By default the library is a current one from the CDN: it has everything, whatever the host. */
export function libraryFor(options: LibraryOptions = {}): FakeLibrary {
  return { notes: options.notes ?? true, mergeUndoGroup: options.mergeUndoGroup ?? true };
}

/** The classes of the Excel namespace that tell what the library has (constructors only). */
export function fakeLibrary(library: FakeLibrary): Record<string, unknown> {
  class Workbook {}
  if (library.notes) Object.defineProperty(Workbook.prototype, "notes", { get: () => undefined });
  class CustomFunctionManager {
    static register(): void {}
  }
  if (library.mergeUndoGroup) Object.assign(CustomFunctionManager, { setVisibility: (): void => undefined });
  return {
    Workbook,
    CustomFunctionManager,
    ...(library.notes ? { NoteCollection: class NoteCollection {} } : {}),
  };
}
