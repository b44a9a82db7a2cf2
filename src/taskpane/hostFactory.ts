// How the pane gets its WorkbookHost. Kept apart so tests inject their own and the Office
// implementation is imported in exactly one place.
import type { WorkbookHost } from "../adapters/excel/workbookHost";
import { createOfficeWorkbookHost } from "../adapters/excel/officeWorkbookHost";

export function createHost(): Promise<WorkbookHost> {
  return createOfficeWorkbookHost();
}
