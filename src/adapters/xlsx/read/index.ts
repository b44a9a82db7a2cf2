// The xlsx reader, for Node and the browser: `await import("…/adapters/xlsx/read")` keeps it (and
// its zip and XML libraries) out of the pane's first load.
export { readWorkbookBytes, readWorkbookBytesSync, type ReadOptions } from "./readWorkbook";
export { WorkbookReadError, type UnreadableParams, type UnreadableReason } from "./errors";
export { DEFAULT_LIMITS, type ReadLimits } from "./limits";
export { sniffWorkbookBytes } from "./sniff";
