// The engine's whole result for a workbook file, cells and parsed values included (the CLI's
// reports drop them once a file is checked, to keep big batches small).
import { readWorkbookFile } from "../../src/adapters/xlsx/readWorkbook";
import { checkWorkbook } from "../../src/core/check";
import { DEFAULT_RULE, type ProgressRule, type WorkbookCheck } from "../../src/core/model";

export async function fullCheck(file: string, rule: ProgressRule = DEFAULT_RULE): Promise<WorkbookCheck> {
  return checkWorkbook(await readWorkbookFile(file), rule);
}
