// Hidden-layer activations as forward/backward pairs over whole buffers.
// References: the PyTorch docs pages of nn.ReLU, nn.LeakyReLU, nn.Tanh, nn.Sigmoid, nn.GELU.

import type { FloatArray } from "../optim/types.js";
import { erf } from "./erf.js";

export const ACTIVATIONS = ["relu", "leaky_relu", "tanh", "sigmoid", "gelu", "gelu_tanh"] as const;
export type Activation = (typeof ACTIVATIONS)[number];

const LEAKY_SLOPE = 0.01; // PyTorch's default negative_slope
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const INV_SQRT_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** a = act(z) elementwise over the first n entries. */
export function activationForward(a: FloatArray, z: FloatArray, n: number, kind: Activation): void {
  switch (kind) {
    case "relu":
      for (let i = 0; i < n; i++) a[i] = z[i] > 0 ? z[i] : 0;
      return;
    case "leaky_relu":
      for (let i = 0; i < n; i++) a[i] = z[i] > 0 ? z[i] : LEAKY_SLOPE * z[i];
      return;
    case "tanh":
      for (let i = 0; i < n; i++) a[i] = Math.tanh(z[i]);
      return;
    case "sigmoid":
      for (let i = 0; i < n; i++) a[i] = 1 / (1 + Math.exp(-z[i]));
      return;
    case "gelu":
      for (let i = 0; i < n; i++) a[i] = 0.5 * z[i] * (1 + erf(z[i] * INV_SQRT_2));
      return;
    case "gelu_tanh":
      for (let i = 0; i < n; i++) {
        const v = z[i];
        a[i] = 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v)));
      }
      return;
  }
}

/**
 * dz = da * act'(z) in place over the first n entries (da is overwritten with dz).
 * ReLU's derivative at exactly 0 is 0, as in PyTorch.
 */
export function activationBackward(
  d: FloatArray,
  z: FloatArray,
  a: FloatArray,
  n: number,
  kind: Activation,
): void {
  switch (kind) {
    case "relu":
      for (let i = 0; i < n; i++) if (!(z[i] > 0)) d[i] = 0;
      return;
    case "leaky_relu":
      for (let i = 0; i < n; i++) if (!(z[i] > 0)) d[i] *= LEAKY_SLOPE;
      return;
    case "tanh":
      for (let i = 0; i < n; i++) d[i] *= 1 - a[i] * a[i];
      return;
    case "sigmoid":
      for (let i = 0; i < n; i++) d[i] *= a[i] * (1 - a[i]);
      return;
    case "gelu":
      for (let i = 0; i < n; i++) {
        const v = z[i];
        const cdf = 0.5 * (1 + erf(v * INV_SQRT_2));
        d[i] *= cdf + v * INV_SQRT_2PI * Math.exp(-0.5 * v * v);
      }
      return;
    case "gelu_tanh":
      for (let i = 0; i < n; i++) {
        const v = z[i];
        const inner = SQRT_2_OVER_PI * (v + 0.044715 * v * v * v);
        const t = Math.tanh(inner);
        const dInner = SQRT_2_OVER_PI * (1 + 3 * 0.044715 * v * v);
        d[i] *= 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * dInner;
      }
      return;
  }
}
