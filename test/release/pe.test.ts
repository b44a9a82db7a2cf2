import {
  certificateTable,
  listResources,
  parsePe,
  peChecksum,
  RT_RCDATA,
  stripAuthenticode,
  writeChecksum,
} from "../../scripts/release/pe";
import { syntheticPe } from "./syntheticPe";

const BLOB = Buffer.from("a SEA blob, or anything else");

test("parses headers and finds a named RT_RCDATA resource with its exact bytes", () => {
  const { file } = syntheticPe("NODE_SEA_BLOB", BLOB);
  const img = parsePe(file);
  expect(img).toMatchObject({ machine: 0x8664, magic: 0x20b, subsystem: 3, dataDirectoryCount: 16 });
  expect(img.sections.map((s) => s.name)).toEqual([".rsrc"]);
  const resources = listResources(file, img);
  expect(resources).toHaveLength(1);
  expect(resources[0]).toMatchObject({ type: RT_RCDATA, name: "NODE_SEA_BLOB", language: 0 });
  expect(resources[0].data.equals(BLOB)).toBe(true);
});

test("rejects what is not a PE file", () => {
  expect(() => parsePe(Buffer.from("#!/bin/sh\necho not windows\n".padEnd(128)))).toThrow("no MZ header");
  const noPe = syntheticPe("X", BLOB).file;
  noPe.write("XX", 0x40, "latin1");
  expect(() => parsePe(noPe)).toThrow("no PE signature");
});

test("checksum: the one's-complement sum of ImageHlp, ignoring the field itself, for odd lengths too", () => {
  const { file, checksumOffset } = syntheticPe("NODE_SEA_BLOB", BLOB);
  writeChecksum(file);
  const stored = file.readUInt32LE(checksumOffset);
  expect(stored).toBe(peChecksum(file, parsePe(file)));
  // Independent reference: sum of 16-bit words with end-around carry, plus the length.
  let sum = 0;
  for (let i = 0; i < file.length; i += 2) {
    if (i === checksumOffset || i === checksumOffset + 2) continue;
    sum += file.readUInt16LE(i);
    while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  }
  expect(stored).toBe(sum + file.length);
  const odd = Buffer.concat([file, Buffer.from([7])]);
  expect(peChecksum(odd, parsePe(odd))).not.toBe(stored);
});

test("stripAuthenticode cuts the trailing certificate table out and clears its directory entry", () => {
  const signed = syntheticPe("NODE_SEA_BLOB", BLOB, Buffer.alloc(1000, 0xab)).file;
  expect(certificateTable(signed, parsePe(signed)).size).toBe(1000);
  const stripped = stripAuthenticode(signed);
  const img = parsePe(stripped);
  expect(stripped.length).toBe(signed.length - 1000);
  expect(certificateTable(stripped, img)).toMatchObject({ offset: 0, size: 0 });
  expect(stripped.readUInt32LE(img.checksumOffset)).toBe(peChecksum(stripped, img));
  expect(listResources(stripped, img)[0].data.equals(BLOB)).toBe(true);
  expect(signed.length).toBe(stripped.length + 1000); // the input is left alone
});

test("stripAuthenticode refuses a certificate table that is not at the end", () => {
  const signed = syntheticPe("NODE_SEA_BLOB", BLOB, Buffer.alloc(64, 1)).file;
  const img = parsePe(signed);
  const moved = Buffer.concat([signed, Buffer.alloc(16)]);
  expect(certificateTable(moved, img).size).toBe(64);
  expect(() => stripAuthenticode(moved)).toThrow("not at the end");
});
