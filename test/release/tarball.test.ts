import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { extractTarEntry } from "../../scripts/release/tarball";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensho-tar-"));
  const pkg = path.join(dir, "package");
  const deep = path.join(pkg, "include", "a".repeat(60), "b".repeat(60));
  fs.mkdirSync(path.join(pkg, "bin"), { recursive: true });
  fs.mkdirSync(deep, { recursive: true });
  fs.writeFileSync(path.join(pkg, "bin", "node"), Buffer.alloc(1500, 7));
  fs.writeFileSync(path.join(pkg, "LICENSE"), "MIT");
  fs.writeFileSync(path.join(deep, "long.h"), "long path");
  for (const format of ["pax", "gnu", "ustar"])
    execFileSync("tar", [
      `--format=${format}`,
      "-czf",
      path.join(dir, `${format}.tgz`),
      "-C",
      dir,
      "package",
    ]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test.each(["pax", "gnu", "ustar"])("extracts one file from a %s tarball, long names included", (format) => {
  const tgz = fs.readFileSync(path.join(dir, `${format}.tgz`));
  expect(extractTarEntry(tgz, "package/bin/node").equals(Buffer.alloc(1500, 7))).toBe(true);
  expect(extractTarEntry(tgz, "package/LICENSE").toString()).toBe("MIT");
  const long = `package/include/${"a".repeat(60)}/${"b".repeat(60)}/long.h`;
  expect(extractTarEntry(tgz, long).toString()).toBe("long path");
});

test("a missing entry is an error, not an empty file", () => {
  const tgz = fs.readFileSync(path.join(dir, "pax.tgz"));
  expect(() => extractTarEntry(tgz, "package/bin/node.exe")).toThrow("not in the tarball");
});
