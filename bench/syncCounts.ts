import { readWorkbookFile } from "../src/adapters/xlsx/readWorkbook";
import { checkWorkbook } from "../src/core/check";
import type { SheetGrid } from "../src/core/model";
import { TaskpaneController } from "../src/taskpane/controller";
import { FakeExcel } from "../test/fakes/fakeExcel";
import { hostOnFake } from "../test/fakes/fakeHost";
import { repeatDataRows } from "./syntheticSheet";

export const LARGE_ROWS = 5_000;

/** context.sync() calls for the task pane's whole 検証する (read, check, flag) through the fake Excel. */
async function syncsForCheck(grids: SheetGrid[]): Promise<number> {
  const fake = new FakeExcel(grids);
  const controller = new TaskpaneController({ createHost: () => hostOnFake(fake), checkWorkbook });
  await controller.init();
  const before = fake.syncCount;
  await controller.check();
  const state = controller.getState();
  if (!state.check || state.check.rows.length === 0) throw new Error("the check read no rows");
  const syncs = fake.syncCount - before;
  await controller.dispose();
  return syncs;
}

export async function syncCounts(
  sample: string,
): Promise<{ small: number; large: number; largeRows: number }> {
  const grids = await readWorkbookFile(sample);
  const sheet = grids.find((g) => g.name === "3-2");
  if (!sheet) throw new Error("sample has no sheet 3-2");
  const small = await syncsForCheck(grids);
  const large = await syncsForCheck([repeatDataRows(sheet, 5, LARGE_ROWS)]);
  return { small, large, largeRows: LARGE_ROWS };
}
