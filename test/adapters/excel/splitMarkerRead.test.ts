// The split marker rides on the pane's first batch (issue 19): reading a copy's department costs
// no context.sync(), and a host before ExcelApi 1.7 reads none and does not fail.
import * as path from "path";
import { readWorkbookFile } from "../../../src/adapters/xlsx/readWorkbook";
import { markerProperties, readSplitMarker } from "../../../src/core/cycle/splitMarker";
import { createFakeHostForTests } from "../../fakes/fakeHost";
import { sampleMarker } from "../../helpers/returnedCopies";

const SAMPLE = path.join(__dirname, "..", "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");

test("the split marker rides on init's first batch: init stays at two context.sync() calls", async () => {
  const { fake, host } = await createFakeHostForTests(await readWorkbookFile(SAMPLE), {
    customProperties: markerProperties(sampleMarker("住宅課")),
  });
  expect(fake.syncCount).toBe(2);
  expect(readSplitMarker(host.documentProperties())).toEqual(sampleMarker("住宅課"));
  // Before ExcelApi 1.7 there are no document properties to read: none, and no failure.
  const old = await createFakeHostForTests(await readWorkbookFile(SAMPLE), {
    apiVersion: "1.6",
    customProperties: markerProperties(sampleMarker("住宅課")),
  });
  expect(old.host.documentProperties()).toEqual([]);
});
