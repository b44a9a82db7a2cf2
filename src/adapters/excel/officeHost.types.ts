// Structural slices of the Office globals the host needs, so tests and the browser shim can inject
// a fake without pretending to be all of Office.js.
import type { RequirementsLike } from "./support";

export type { ExcelRun } from "./batches";

export interface OfficeLike {
  context: {
    requirements: RequirementsLike;
  };
}
