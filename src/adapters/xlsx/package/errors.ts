// Why a package (the zip and its OPC parts) cannot be read. Codes and facts only: the words staff
// read are rendered at the edges (src/i18n/xlsx.ts).

export type PackageErrorReason =
  /** The bytes are not a zip archive at all. */
  | "not-zip"
  /** A zip whose directory or entries are damaged or truncated. */
  | "corrupt"
  /** A zip entry is encrypted (zip-level encryption; Office encryption is an OLE file instead). */
  | "encrypted-entry"
  /** A zip entry uses a compression method other than stored or deflate. */
  | "unsupported-compression"
  /** A part would inflate beyond the size limit (a zip bomb, or simply too large). */
  | "part-too-large"
  /** A part the package needs is not there. */
  | "missing-part"
  /** A single shared string is longer than the limit. */
  | "string-too-long";

export interface PackageErrorParams {
  /** The part (zip entry name) concerned, when there is one. */
  part?: string;
  /** The limit that was exceeded, in bytes or characters. */
  limit?: number;
}

export class PackageError extends Error {
  readonly reason: PackageErrorReason;
  readonly params: PackageErrorParams;

  constructor(reason: PackageErrorReason, params: PackageErrorParams = {}, options?: { cause?: unknown }) {
    super(`xlsx package: ${reason}${params.part ? ` (${params.part})` : ""}`, options);
    this.name = "PackageError";
    this.reason = reason;
    this.params = params;
  }
}
