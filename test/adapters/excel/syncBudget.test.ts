// The sync budget of a whole 検証する through the pane's controller, as bench/syncCounts.ts measures
// it: at most 3 context.sync() calls, the same for the 47-row sample and a 5,000-row sheet with
// thousands of merged areas (far over the 512 one getMergedAreasOrNullObject call may return).
import { findSampleWorkbook } from "../../../src/cli/sampleWorkbook";
import { syncCounts } from "../../../bench/syncCounts";

test("a check costs at most 3 syncs, equal for 47 and 5,000 rows with more than 512 merged areas", async () => {
  const sample = findSampleWorkbook();
  if (!sample) throw new Error("bundled sample not found");
  const s = await syncCounts(sample);
  expect(s.largeMerges).toBeGreaterThan(512);
  expect(s.small).toBeLessThanOrEqual(3);
  expect(s.large).toBe(s.small);
});
