// Structural slices of the Office globals the host needs, so tests and the browser shim can inject
/* global Excel */
// a fake without pretending to be all of Office.js.
import type { RequirementsLike } from "./support";

export interface SettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

export interface OfficeLike {
  context: {
    requirements: RequirementsLike;
    document: { settings: SettingsLike };
  };
}

/** Excel.run, narrowed to the overload we use. */
export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
