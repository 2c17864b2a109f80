// Dense-layer kernels in a forward/backward pair. Outputs first, then inputs, then sizes.
// Shapes: x (B, I), w (O, I) as PyTorch's nn.Linear weight, b (O,), out (B, O).

import type { FloatArray } from "../optim/types.js";

/** out = x · wᵀ + b. */
export function linearForward(
  out: FloatArray,
  x: FloatArray,
  w: FloatArray,
  wOff: number,
  bOff: number,
  B: number,
  I: number,
  O: number,
): void {
  for (let r = 0; r < B; r++) {
    const xRow = r * I;
    const outRow = r * O;
    for (let o = 0; o < O; o++) {
      const wRow = wOff + o * I;
      let acc = 0;
      for (let i = 0; i < I; i++) acc += x[xRow + i] * w[wRow + i];
      out[outRow + o] = acc + w[bOff + o];
    }
  }
}

/**
 * Accumulate dw += doutᵀ · x and db += column sums of dout into the gradient buffer `g`
 * (same layout as the parameters); write dx = dout · w when dx is given.
 */
export function linearBackward(
  dx: FloatArray | null,
  g: FloatArray,
  dout: FloatArray,
  x: FloatArray,
  w: FloatArray,
  wOff: number,
  bOff: number,
  B: number,
  I: number,
  O: number,
): void {
  for (let r = 0; r < B; r++) {
    const xRow = r * I;
    const dRow = r * O;
    for (let o = 0; o < O; o++) {
      const d = dout[dRow + o];
      if (d === 0) continue;
      const gRow = wOff + o * I;
      for (let i = 0; i < I; i++) g[gRow + i] += d * x[xRow + i];
      g[bOff + o] += d;
    }
  }

  if (dx === null) return;

  for (let r = 0; r < B; r++) {
    const dxRow = r * I;
    const dRow = r * O;
    for (let i = 0; i < I; i++) dx[dxRow + i] = 0;
    for (let o = 0; o < O; o++) {
      const d = dout[dRow + o];
      if (d === 0) continue;
      const wRow = wOff + o * I;
      for (let i = 0; i < I; i++) dx[dxRow + i] += d * w[wRow + i];
    }
  }
}
