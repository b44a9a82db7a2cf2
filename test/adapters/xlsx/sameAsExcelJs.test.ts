// On ordinary workbooks the streaming reader is invisible: the same grids as the ExcelJS reader it
// replaced, and the same reports, on the sample and on every fixture.
import { readWorkbookFile } from "../../../src/adapters/xlsx/readWorkbook";
import { addOutlooks } from "../../../src/core/progress/outlooks";
import { checkWorkbook } from "../../../src/core/check";
import { DEFAULT_RULE } from "../../../src/core/model";
import { checkFile, type FileResult } from "../../../src/cli/checkFile";
import { jsonReport } from "../../../src/cli/jsonReport";
import { csvReport } from "../../../src/cli/csvReport";
import { fileReport } from "../../../src/cli/textReport";
import { samplePath } from "../../../scripts/build-sample";
import { FIXTURE_NAMES } from "../../../scripts/build-fixtures";
import { getFixtures, type Fixtures } from "../../helpers/fixtures";
import { readWithExcelJs } from "../../helpers/excelJsReader";

const UNREADABLE = new Set(["not-xlsx", "corrupt", "legacy-or-encrypted", "empty"]);
const READABLE = FIXTURE_NAMES.filter((n) => !UNREADABLE.has(n));

let fx: Fixtures;
beforeAll(async () => {
  fx = await getFixtures();
});

/** The result the CLI gave with the ExcelJS reader (checkFile's success path on the old grids). */
function oldResult(file: string, grids: Awaited<ReturnType<typeof readWithExcelJs>>): FileResult {
  const check = addOutlooks(checkWorkbook(grids, DEFAULT_RULE));
  if (check.fileError)
    return {
      file,
      ok: false,
      error: { code: check.fileError.code, message: "" },
      fiscalYear: null,
      sheetCount: 0,
      rows: [],
      detail: null,
      findings: [],
      marker: null,
      scope: null,
    };
  return {
    file,
    ok: true,
    error: null,
    fiscalYear: check.fiscalYear,
    sheetCount: check.sheets.length,
    rows: check.rows.map((r) => ({ ...r, actualRemark: r.values.actual.remark })),
    detail: null,
    findings: check.findings,
    marker: null,
    scope: null,
  };
}

describe.each([...READABLE, "bundled sample"])("%s", (name) => {
  const fileOf = () => (name === "bundled sample" ? samplePath() : fx[name as keyof Fixtures]);

  it("reads the same grids as the ExcelJS reader", async () => {
    const file = fileOf();
    expect(await readWorkbookFile(file)).toEqual(await readWithExcelJs(file));
  });

  it("gives the same JSON, CSV and text report", async () => {
    const file = fileOf();
    const now = await checkFile(file, DEFAULT_RULE);
    const before = oldResult(file, await readWithExcelJs(file));
    if (!before.ok) {
      expect(now.ok).toBe(false);
      expect(now.error?.code).toBe(before.error?.code);
      return;
    }
    // As the JSON text says it (a report's rows and findings are made as they are written).
    const asJson = (r: FileResult) => JSON.parse(JSON.stringify(jsonReport([r], DEFAULT_RULE)));
    expect(asJson(now)).toEqual(asJson(before));
    expect(csvReport([now])).toBe(csvReport([before]));
    expect(fileReport(now, null)).toBe(fileReport(before, null));
  });
});
