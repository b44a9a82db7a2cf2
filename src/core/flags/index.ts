// Marking findings on cells with marks that describe themselves, and the record of the pane's own
// edits. Pure: the add-in and a file writer plan the same marks (docs/flag-record.md).
export * from "./fills";
export * from "./record";
export * from "./plan";
export * from "./moves";
export * from "./marks";
export * from "./legacy";
