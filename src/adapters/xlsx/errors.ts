// Kept for existing imports: the reader's error lives in ./read/errors (Node-free).
export { WorkbookReadError, type UnreadableParams, type UnreadableReason } from "./read/errors";
