// Checks node.exe's Authenticode signature offline before `npm run release` strips it (the SEA
// blob changes the file, so the signature could not stay): the PKCS#7 SignedData in the PE
// certificate table (Microsoft, "Windows Authenticode Portable Executable Signature Format")
// must sign exactly this file, by a certificate chain that ends at the pinned root, for the
// pinned publisher. pkijs parses the CMS structures and checks the signer's signature and the
// messageDigest attribute; Node's X509Certificate checks the chain.
import { createHash, X509Certificate } from "crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { certificateTable, parsePe } from "./pe";

const SPC_INDIRECT_DATA = "1.3.6.1.4.1.311.2.1.4";
const MS_TIMESTAMP_TOKEN = "1.3.6.1.4.1.311.3.3.1";
const SIGNING_TIME = "1.2.840.113549.1.9.5";
const CODE_SIGNING_EKU = "1.3.6.1.5.5.7.3.3";
const WIN_CERT_TYPE_PKCS_SIGNED_DATA = 2;
const HASHES: Record<string, string> = {
  "1.3.14.3.2.26": "sha1",
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
};

/** Who must have signed, and the root their chain must end at (runtimes.json `authenticode`). */
export interface PublisherPin {
  /** The signer certificate's subject must contain every one of these lines ("O=OpenJS Foundation"). */
  subject: string[];
  /** SHA-256 fingerprint of the self-signed root certificate, hex, colons optional. */
  rootSha256: string;
}

export interface AuthenticodeResult {
  digestAlgorithm: string;
  signer: string;
  chain: string[];
  /** When it was signed: the RFC 3161 timestamp's time, else the signingTime attribute. */
  signedAt: string;
  timestamped: boolean;
}

/**
 * The Authenticode hash: the whole file except the image checksum, the certificate table's
 * directory entry and the certificate table itself (the table is the file's last part).
 */
export function authenticodeHash(buf: Buffer, algorithm: string): Buffer {
  const img = parsePe(buf);
  const cert = certificateTable(buf, img);
  const end = cert.size > 0 ? cert.offset : buf.length;
  if (cert.size > 0 && cert.offset + cert.size !== buf.length)
    throw new Error("the certificate table is not at the end of the file");
  return createHash(algorithm)
    .update(buf.subarray(0, img.checksumOffset))
    .update(buf.subarray(img.checksumOffset + 4, cert.entryOffset))
    .update(buf.subarray(cert.entryOffset + 8, end))
    .digest();
}

const hex = (b: ArrayBuffer | Uint8Array) =>
  Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString("hex");
const normaliseFingerprint = (f: string) => f.replace(/:/g, "").toLowerCase();

function parseSignedData(der: Uint8Array): pkijs.SignedData {
  const asn1 = asn1js.fromBER(der);
  if (asn1.offset === -1) throw new Error("the signature is not valid DER");
  const info = new pkijs.ContentInfo({ schema: asn1.result });
  if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA)
    throw new Error("the signature is not CMS SignedData");
  return new pkijs.SignedData({ schema: info.content });
}

function attribute(attrs: pkijs.SignedAndUnsignedAttributes | undefined, type: string) {
  return attrs?.attributes.find((a) => a.type === type);
}

/** The RFC 3161 token's time, after checking that it signs this signature's value. */
async function timestampTime(signerInfo: pkijs.SignerInfo): Promise<Date | null> {
  const token = attribute(signerInfo.unsignedAttrs, MS_TIMESTAMP_TOKEN);
  if (!token) return null;
  const tsd = parseSignedData(new Uint8Array(token.values[0].toBER(false)));
  // pkijs checks a TSTInfo's message imprint against `data`: the signature value it timestamps.
  const value = signerInfo.signature.valueBlock.valueHexView;
  const data = value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) as ArrayBuffer;
  const ok = await tsd.verify({ signer: 0, checkChain: false, data });
  if (!ok) throw new Error("the timestamp's signature does not verify");
  const eContent = tsd.encapContentInfo.eContent;
  if (!eContent) throw new Error("the timestamp token has no content");
  const tst = pkijs.TSTInfo.fromBER(eContent.getValue());
  const algo = HASHES[tst.messageImprint.hashAlgorithm.algorithmId];
  if (!algo) throw new Error(`timestamp hash ${tst.messageImprint.hashAlgorithm.algorithmId} not supported`);
  const signed = createHash(algo)
    .update(Buffer.from(signerInfo.signature.valueBlock.valueHexView))
    .digest("hex");
  if (hex(tst.messageImprint.hashedMessage.valueBlock.valueHexView) !== signed)
    throw new Error("the timestamp is for another signature");
  return tst.genTime;
}

/** The chain from the signer to a self-signed root, built from the certificates the signature carries. */
function chainOf(signer: X509Certificate, pool: X509Certificate[]): X509Certificate[] {
  const chain = [signer];
  for (;;) {
    const last = chain[chain.length - 1];
    if (last.checkIssued(last) && last.verify(last.publicKey)) return chain;
    const issuer = pool.find((c) => last.checkIssued(c) && last.verify(c.publicKey) && !chain.includes(c));
    if (!issuer)
      throw new Error(
        `no issuer for ${last.subject.replace(/\n/g, ", ")} among the signature's certificates`,
      );
    chain.push(issuer);
    if (chain.length > 8) throw new Error("certificate chain too long");
  }
}

/** Throws with the reason unless buf carries a valid Authenticode signature by the pinned publisher. */
export async function verifyAuthenticode(buf: Buffer, pin: PublisherPin): Promise<AuthenticodeResult> {
  const img = parsePe(buf);
  const table = certificateTable(buf, img);
  if (table.size === 0) throw new Error("the file is not signed (no certificate table)");
  const length = buf.readUInt32LE(table.offset);
  if (buf.readUInt16LE(table.offset + 6) !== WIN_CERT_TYPE_PKCS_SIGNED_DATA)
    throw new Error("the certificate table does not hold PKCS#7 SignedData");
  const signed = parseSignedData(new Uint8Array(buf.subarray(table.offset + 8, table.offset + length)));
  if (signed.encapContentInfo.eContentType !== SPC_INDIRECT_DATA)
    throw new Error("the signature is not an Authenticode signature (SpcIndirectDataContent)");
  const eContent = signed.encapContentInfo.eContent as unknown as asn1js.Sequence;
  const digestInfo = eContent.valueBlock.value[1] as asn1js.Sequence;
  const algOid = (
    (digestInfo.valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.ObjectIdentifier
  ).valueBlock.toString();
  const algorithm = HASHES[algOid];
  if (!algorithm || algorithm === "sha1") throw new Error(`digest algorithm ${algOid} is not accepted`);
  const signedHash = hex((digestInfo.valueBlock.value[1] as asn1js.OctetString).valueBlock.valueHexView);
  if (authenticodeHash(buf, algorithm).toString("hex") !== signedHash)
    throw new Error(
      "the file's Authenticode hash does not match the signed hash: the file was changed after signing",
    );

  // The signer's signature over the signed attributes, whose messageDigest covers the content above.
  const result = await signed.verify({ signer: 0, checkChain: false, extendedMode: true });
  if (!result.signatureVerified || !result.signerCertificate)
    throw new Error(`the signer's signature does not verify (${result.message ?? result.code})`);

  const pool = (signed.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => new X509Certificate(Buffer.from(c.toSchema().toBER(false))));
  const signer = new X509Certificate(Buffer.from(result.signerCertificate.toSchema().toBER(false)));
  const chain = chainOf(signer, pool);
  const root = chain[chain.length - 1];
  if (normaliseFingerprint(root.fingerprint256) !== normaliseFingerprint(pin.rootSha256))
    throw new Error(`the chain ends at ${root.subject.replace(/\n/g, ", ")}, not the pinned root`);
  const subject = signer.subject.split("\n");
  for (const part of pin.subject)
    if (!subject.includes(part))
      throw new Error(`the signer is ${subject.join(", ")}, not ${pin.subject.join(", ")}`);
  if (!(signer.keyUsage ?? []).includes(CODE_SIGNING_EKU))
    throw new Error("the signer's certificate is not for code signing");

  const signerInfo = signed.signerInfos[0];
  const stamped = await timestampTime(signerInfo);
  const attr = attribute(signerInfo.signedAttrs, SIGNING_TIME);
  const claimed = attr ? new pkijs.Time({ schema: attr.values[0] }).value : null;
  const at = stamped ?? claimed;
  if (!at) throw new Error("the signature carries no signing time");
  for (const c of chain)
    if (at < new Date(c.validFrom) || at > new Date(c.validTo))
      throw new Error(
        `${c.subject.replace(/\n/g, ", ")} was not valid when the file was signed (${at.toISOString()})`,
      );
  return {
    digestAlgorithm: algorithm,
    signer: subject.join(", "),
    chain: chain.map((c) => c.subject.replace(/\n/g, ", ")),
    signedAt: at.toISOString(),
    timestamped: stamped !== null,
  };
}
