import { readWorkbookFile } from "../src/adapters/xlsx/readWorkbook";
import { checkWorkbook } from "../src/core/check";
import type { CellArea, SheetGrid } from "../src/core/model";
import { TaskpaneController } from "../src/taskpane/controller";
import { FakeExcel } from "../test/fakes/fakeExcel";
import { hostOnFake } from "../test/fakes/fakeHost";
import { repeatDataRows } from "../scripts/syntheticSheet";

export const LARGE_ROWS = 5_000;
const FIRST_DATA_ROW = 5;

/** context.sync() calls for the task pane's whole 検証する (read, check, flag) through the fake Excel. */
async function syncsForCheck(grids: SheetGrid[]): Promise<number> {
  const fake = new FakeExcel(grids);
  const controller = new TaskpaneController({ createHost: () => hostOnFake(fake), checkWorkbook });
  await controller.init();
  const before = fake.syncCount;
  await controller.check();
  const state = controller.getState();
  if (!state.check || state.check.rows.length === 0) throw new Error("the check read no rows");
  if (state.notice) throw new Error(`the check failed: ${state.notice.title} ${state.notice.body ?? ""}`);
  const syncs = fake.syncCount - before;
  await controller.dispose();
  return syncs;
}

/**
 * The sheet's data merges (大基本目標, 小基本目標 and 施策 spanning their KPI rows) repeated with
 * its data rows, as a long form has them: thousands of merged areas, far over the 512 that one
 * getMergedAreasOrNullObject call may return.
 */
function withRepeatedMerges(source: SheetGrid, large: SheetGrid, rows: number): SheetGrid {
  const dataRows = [...new Set(source.cells.filter((c) => c.row >= FIRST_DATA_ROW).map((c) => c.row))];
  const period = Math.max(...dataRows) - FIRST_DATA_ROW + 1;
  const dataMerges = source.merges.filter((m) => m.top >= FIRST_DATA_ROW);
  const last = FIRST_DATA_ROW + rows - 1;
  const merges: CellArea[] = [...large.merges];
  for (let offset = 0; FIRST_DATA_ROW + offset <= last; offset += period) {
    for (const m of dataMerges) {
      const top = m.top + offset;
      const bottom = Math.min(m.bottom + offset, last);
      if (top <= last && (bottom > top || m.right > m.left)) merges.push({ ...m, top, bottom });
    }
  }
  return { ...large, merges };
}

export async function syncCounts(
  sample: string,
): Promise<{ small: number; large: number; largeRows: number; largeMerges: number }> {
  const grids = await readWorkbookFile(sample);
  const sheet = grids.find((g) => g.name === "3-2");
  if (!sheet) throw new Error("sample has no sheet 3-2");
  const small = await syncsForCheck(grids);
  const largeSheet = withRepeatedMerges(sheet, repeatDataRows(sheet, FIRST_DATA_ROW, LARGE_ROWS), LARGE_ROWS);
  const large = await syncsForCheck([largeSheet]);
  return { small, large, largeRows: LARGE_ROWS, largeMerges: largeSheet.merges.length };
}
