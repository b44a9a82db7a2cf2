// A static import, so that tsc copies package.json beside dist/cli and bundlers (the single
// executable's webpack build) inline it; a path computed at run time works in neither.
import { version as packageVersion } from "../../package.json";

export const KENSHO_VERSION: string = packageVersion;

export function version(): string {
  return KENSHO_VERSION;
}
