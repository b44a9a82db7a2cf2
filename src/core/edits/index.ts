// The pane's own undoable edits: their record, the schema it is read against, and what 元に戻す may
// do with each cell (docs/edit-record.md).
export * from "./content";
export * from "./editRecord";
export * from "./schema";
export * from "./restore";
export * from "./moves";
export * from "./legacy";
