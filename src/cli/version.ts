// The version comes from package.json at build time (tsc and webpack both inline the JSON), so it is
// right wherever kensho runs: from the repository, from dist/, or as a single executable.
import pkg from "../../package.json";

export function version(): string {
  return pkg.version;
}
