// Initial weights: PyTorch's default nn.Linear init from a seeded generator.

import type { FloatArray } from "../optim/types.js";
import type { Rng } from "../random.js";
import type { ParamLayout } from "./layout.js";

/**
 * kaiming_uniform_(a=√5) for weights and the bias rule both reduce to U(−1/√fan_in, 1/√fan_in);
 * see the nn.Linear docs ("Variables") and reset_parameters().
 */
export function initPytorchDefault(
  net: { layout: ParamLayout; params: FloatArray },
  rng: Rng,
): void {
  for (const s of net.layout.layers) {
    const bound = 1 / Math.sqrt(s.inDim);
    const end = s.biasOffset + s.outDim;
    for (let i = s.weightOffset; i < end; i++) net.params[i] = (2 * rng.uniform() - 1) * bound;
  }
}
