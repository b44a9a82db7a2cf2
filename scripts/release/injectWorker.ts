// Child process of `npm run release`: injects a SEA blob into one Node binary with postject.
// postject's LIEF (WebAssembly) takes ~700 MB and prints warnings, so each binary gets a process.
//   node injectWorker.js <binary> <blob>
import * as fs from "fs";
import { inject } from "postject";
import { SEA_FUSE } from "./sea";

const [binary, blob] = process.argv.slice(2);
inject(binary, "NODE_SEA_BLOB", fs.readFileSync(blob), { sentinelFuse: SEA_FUSE, overwrite: true }).catch(
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  },
);
