// Marking findings on cells, and the record that lets them be cleared exactly. Pure: the add-in and
// a file writer execute the same plan and read and write the same record (docs/flag-record.md).
export * from "./fills";
export * from "./record";
export * from "./plan";
export * from "./moves";
export * from "./marks";
export * from "./legacy";
