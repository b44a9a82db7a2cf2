// Where `kensho addin` gets its files: the single executable hands its embedded payload over at
// start-up (src/cli/launch/seaMain.ts); anywhere else the checkout's build is read.
import { checkoutPayload, type AddinPayload, type CheckoutProblem } from "./payload";

let embedded: (() => AddinPayload | CheckoutProblem | null) | null = null;

/** `read` returns the executable's payload, a problem, or null when not running as the executable. */
export function useEmbeddedPayload(read: () => AddinPayload | CheckoutProblem | null): void {
  embedded = read;
}

export function loadPayload(): AddinPayload | CheckoutProblem {
  return embedded?.() ?? checkoutPayload();
}
