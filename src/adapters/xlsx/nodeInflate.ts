// Node's zlib as the reader's raw inflater for small parts: native, about twice as fast as fflate on
// the shared strings, styles and worksheets of an ordinary workbook. Node only; the browser keeps
// fflate. Damage and over-long output throw, and the reader then falls back to fflate's streaming
// path, which bounds and reports them as before.
import { inflateRawSync } from "zlib";
import type { RawInflater } from "./package";

export const nodeInflateRaw: RawInflater = (data, maxBytes) =>
  inflateRawSync(data, { maxOutputLength: maxBytes });
