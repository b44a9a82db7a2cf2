// Where `kensho addin` gets its files: the single executable hands its embedded payload over at
// start-up (src/cli/launch/seaMain.ts); anywhere else the checkout's build is read.
import { checkoutPayload, type AddinPayload, type CheckoutProblem } from "./payload";

let embedded: (() => AddinPayload | null) | null = null;

export function useEmbeddedPayload(read: () => AddinPayload | null): void {
  embedded = read;
}

export function loadPayload(): AddinPayload | CheckoutProblem {
  return embedded?.() ?? checkoutPayload();
}
