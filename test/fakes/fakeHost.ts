// Convenience for tests and the task-pane engineer: a FakeExcel plus an OfficeWorkbookHost wired to it.
// Browser-safe like fakeExcel.ts.
import type { SheetGrid } from "../../src/core/model";
import type { ExcelRun, OfficeLike } from "../../src/adapters/excel/officeHost.types";
import { OfficeWorkbookHost, type OfficeHostOptions } from "../../src/adapters/excel/officeWorkbookHost";
import { FakeExcel, type FakeExcelOptions } from "./fakeExcel";

export interface FakeHostOptions extends FakeExcelOptions {
  host?: Omit<OfficeHostOptions, "run" | "office">;
}

/** A host over an existing fake (a "reopen" is just another host on the same fake). */
export async function hostOnFake(
  fake: FakeExcel,
  host: FakeHostOptions["host"] = {},
): Promise<OfficeWorkbookHost> {
  const h = new OfficeWorkbookHost({
    debounceMs: 0,
    ...host,
    run: fake.run as unknown as ExcelRun,
    office: fake.office() as OfficeLike,
    library: fake.libraryObjects(),
  });
  await h.init();
  return h;
}

export async function createFakeHostForTests(
  grids: SheetGrid[],
  options: FakeHostOptions = {},
): Promise<{ fake: FakeExcel; host: OfficeWorkbookHost }> {
  const fake = new FakeExcel(grids, options);
  return { fake, host: await hostOnFake(fake, options.host) };
}
