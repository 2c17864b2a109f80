// Losses with their gradients, matching PyTorch's reduction='mean' definitions.

import type { FloatArray } from "../optim/types.js";

/**
 * Softmax cross-entropy, mean over B rows: (1/B) Σ_b (logsumexp(z_b) − z_b[y_b]).
 * Writes dL/dz = (softmax(z) − onehot(y)) · scale / B into dz. Reference: nn.CrossEntropyLoss.
 */
export function softmaxCrossEntropy(
  dz: FloatArray,
  z: FloatArray,
  y: FloatArray,
  yOff: number,
  B: number,
  C: number,
  scale: number,
): number {
  let total = 0;

  for (let r = 0; r < B; r++) {
    const row = r * C;
    let max = -Infinity;
    for (let c = 0; c < C; c++) if (z[row + c] > max) max = z[row + c];

    let sum = 0;
    for (let c = 0; c < C; c++) sum += Math.exp(z[row + c] - max);
    const logSum = Math.log(sum) + max;
    const target = y[yOff + r];
    total += logSum - z[row + target];

    const k = scale / B;
    for (let c = 0; c < C; c++) {
      const p = Math.exp(z[row + c] - logSum);
      dz[row + c] = (p - (c === target ? 1 : 0)) * k;
    }
  }

  return total / B;
}

/**
 * Mean squared error over all B·K elements (K outputs per row):
 * dL/dy = 2 (y − t) · scale / (B·K). Reference: nn.MSELoss.
 */
export function meanSquaredError(
  dz: FloatArray,
  z: FloatArray,
  y: FloatArray,
  yOff: number,
  B: number,
  K: number,
  scale: number,
): number {
  const n = B * K;
  let total = 0;

  for (let i = 0; i < n; i++) {
    const diff = z[i] - y[yOff + i];
    total += diff * diff;
    dz[i] = (2 * diff * scale) / n;
  }

  return total / n;
}
