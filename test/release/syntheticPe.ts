// A minimal PE32+ console executable built byte by byte from the PE/COFF specification: one .rsrc
// section holding a single RT_RCDATA resource, and optionally a trailing certificate table.
export interface SyntheticPe {
  file: Buffer;
  checksumOffset: number;
}

export function syntheticPe(resourceName: string, payload: Buffer, certificate?: Buffer): SyntheticPe {
  const peOffset = 0x40;
  const optionalSize = 240; // PE32+ with 16 data directories
  const opt = peOffset + 24;
  const sectionTable = opt + optionalSize;
  const rawPointer = 0x200;
  const rva = 0x1000;

  const high = (offset: number) => (0x80000000 | offset) >>> 0; // "points at a subdirectory / name"
  const rsrc = Buffer.alloc(0x80 + payload.length);
  const dirHeader = (at: number, named: number, ids: number) => {
    rsrc.writeUInt16LE(named, at + 12);
    rsrc.writeUInt16LE(ids, at + 14);
  };
  dirHeader(0x00, 0, 1); // root: one type by id
  rsrc.writeUInt32LE(10, 0x10); // RT_RCDATA
  rsrc.writeUInt32LE(high(0x18), 0x14);
  dirHeader(0x18, 1, 0); // type: one entry by name
  rsrc.writeUInt32LE(high(0x58), 0x28);
  rsrc.writeUInt32LE(high(0x30), 0x2c);
  dirHeader(0x30, 0, 1); // name: one language
  rsrc.writeUInt32LE(0, 0x40);
  rsrc.writeUInt32LE(0x48, 0x44); // data entry (no high bit)
  rsrc.writeUInt32LE(rva + 0x80, 0x48);
  rsrc.writeUInt32LE(payload.length, 0x4c);
  rsrc.writeUInt16LE(resourceName.length, 0x58);
  rsrc.write(resourceName, 0x5a, "utf16le");
  payload.copy(rsrc, 0x80);
  const rawSize = Math.ceil(rsrc.length / 0x200) * 0x200;

  const image = Buffer.alloc(rawPointer + rawSize);
  image.write("MZ", 0, "latin1");
  image.writeUInt32LE(peOffset, 0x3c);
  image.write("PE\0\0", peOffset, "latin1");
  image.writeUInt16LE(0x8664, peOffset + 4);
  image.writeUInt16LE(1, peOffset + 6);
  image.writeUInt16LE(optionalSize, peOffset + 20);
  image.writeUInt16LE(0x22, peOffset + 22);
  image.writeUInt16LE(0x20b, opt);
  image.writeUInt16LE(3, opt + 68); // console subsystem
  image.writeUInt32LE(16, opt + 108);
  image.writeUInt32LE(rva, opt + 112 + 8 * 2);
  image.writeUInt32LE(rsrc.length, opt + 112 + 8 * 2 + 4);
  image.write(".rsrc", sectionTable, "latin1");
  image.writeUInt32LE(rsrc.length, sectionTable + 8);
  image.writeUInt32LE(rva, sectionTable + 12);
  image.writeUInt32LE(rawSize, sectionTable + 16);
  image.writeUInt32LE(rawPointer, sectionTable + 20);
  rsrc.copy(image, rawPointer);

  if (!certificate) return { file: image, checksumOffset: opt + 64 };
  image.writeUInt32LE(image.length, opt + 112 + 8 * 4);
  image.writeUInt32LE(certificate.length, opt + 112 + 8 * 4 + 4);
  return { file: Buffer.concat([image, certificate]), checksumOffset: opt + 64 };
}
