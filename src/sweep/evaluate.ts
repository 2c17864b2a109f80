// Loss (and accuracy) over a whole split in inference mode, in chunks of the batch size.

import type { Split } from "../data/types.js";
import { forward, lossAndOutputGrad, type Mlp } from "../model/mlp.js";

export interface Evaluation {
  loss: number;
  /** Fraction of rows whose largest logit is the true class; null for regression. */
  accuracy: number | null;
}

/**
 * Mean loss over every row of `split`. It overwrites the activation and output-gradient
 * buffers, so call it after backward (gradients are already accumulated) or between steps.
 */
export function evaluateLoss(net: Mlp, split: Split, features: number): number {
  return evaluate(net, split, features).loss;
}

/** Mean loss and, for classification, accuracy over every row of `split`. */
export function evaluate(net: Mlp, split: Split, features: number): Evaluation {
  const classification = net.shape.loss === "cross_entropy";
  const C = net.shape.sizes[net.shape.sizes.length - 1];
  let total = 0;
  let correct = 0;

  for (let start = 0; start < split.rows; start += net.maxBatch) {
    const rows = Math.min(net.maxBatch, split.rows - start);
    const x = split.x.subarray(start * features, (start + rows) * features);
    const out = forward(net, x, rows);
    total += lossAndOutputGrad(net, split.y, start, rows) * rows;
    if (classification) correct += countCorrect(out, split.y, start, rows, C);
  }

  return { loss: total / split.rows, accuracy: classification ? correct / split.rows : null };
}

function countCorrect(out: ArrayLike<number>, y: Float32Array, yOff: number, B: number, C: number) {
  let correct = 0;
  for (let r = 0; r < B; r++) {
    let best = 0;
    for (let c = 1; c < C; c++) if (out[r * C + c] > out[r * C + best]) best = c;
    if (best === y[yOff + r]) correct++;
  }
  return correct;
}
