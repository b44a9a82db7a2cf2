// Layout variants of the sample through the pane: the real Office adapter on the documented fake
// Excel, the real core. Each reads exactly like the original, as it does in the CLI.
import * as path from "path";
import { readWorkbookFile } from "../../src/adapters/xlsx/readWorkbook";
import { checkWorkbook } from "../../src/core/check";
import type { WorkbookCheck } from "../../src/core/model";
import { TaskpaneController, YEAR_SETTING } from "../../src/taskpane/controller";
import { createFakeHostForTests } from "../fakes/fakeHost";
import {
  BASE_SPEC,
  buildVariant,
  sourceSheets,
  specName,
  type SourceSheet,
  type VariantSpec,
  YEAR_STYLES,
} from "../helpers/layoutVariants";
import { checkFacts, expectedFacts } from "../helpers/variantCheck";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");

let original: WorkbookCheck;
let sources: SourceSheet[];
beforeAll(async () => {
  const grids = await readWorkbookFile(SAMPLE);
  original = checkWorkbook(grids);
  sources = sourceSheets(grids);
});

const VARIANTS: VariantSpec[] = [
  { ...BASE_SPEC, header: "year-band", year: YEAR_STYLES[5], order: "previous-actual-swapped" },
  { ...BASE_SPEC, header: "three-rows", year: YEAR_STYLES[8], arrangement: "one-sheet", order: "shuffle-3" },
  {
    ...BASE_SPEC,
    header: "one-row",
    year: YEAR_STYLES[2],
    br: "",
    arrangement: "repeated-header",
    extras: ["備考", "older"],
  },
  {
    ...BASE_SPEC,
    header: "two-rows",
    year: YEAR_STYLES[9],
    title: "offset",
    offset: 2,
    order: "values-reversed",
  },
  // No year in title or headers: the year planning stated in 設定 (saved in the workbook's settings).
  { ...BASE_SPEC, header: "relative", title: "none", order: "department-first", statedYear: 2023 },
];

test.each(VARIANTS.map((s) => [specName(s), s] as const))("%s", async (_name, spec) => {
  const v = buildVariant(sources, spec);
  const { host } = await createFakeHostForTests(v.grids);
  if (spec.statedYear !== null) await host.saveSetting(YEAR_SETTING, spec.statedYear);
  const controller = new TaskpaneController({ createHost: () => host, checkWorkbook });
  await controller.init();
  await controller.check();
  const { check, notice } = controller.getState();
  expect(notice).toBeNull();
  expect(checkFacts(check!)).toEqual(expectedFacts(original, v));
  await controller.dispose();
});
