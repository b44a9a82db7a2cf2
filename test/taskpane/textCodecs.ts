// jsdom (jest-environment-jsdom) lacks TextDecoder and TextEncoder, which every browser the pane runs
// in has and the xlsx reader uses: Node's, installed before the reader is imported.
import { TextDecoder, TextEncoder } from "util";

const g = globalThis as Record<string, unknown>;
g.TextDecoder ??= TextDecoder;
g.TextEncoder ??= TextEncoder;
