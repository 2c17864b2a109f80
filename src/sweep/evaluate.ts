// Loss over a whole split in inference mode, in chunks of the network's batch size.

import type { Split } from "../data/types.js";
import { forward, lossAndOutputGrad, type Mlp } from "../model/mlp.js";

/**
 * Mean loss over every row of `split`, without touching gradients' meaning (the output
 * gradient buffer is overwritten, so call it before zeroGrad/backward of the next step).
 */
export function evaluateLoss(net: Mlp, split: Split, features: number): number {
  let total = 0;

  for (let start = 0; start < split.rows; start += net.maxBatch) {
    const rows = Math.min(net.maxBatch, split.rows - start);
    const x = split.x.subarray(start * features, (start + rows) * features);
    forward(net, x, rows);
    total += lossAndOutputGrad(net, split.y, start, rows) * rows;
  }

  return total / split.rows;
}
