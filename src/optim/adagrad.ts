// Adagrad: a per-parameter step that shrinks with the sum of all squared gradients so far,
// step for step as PyTorch's torch.optim.Adagrad.

import type { OptimizerConfigOf } from "./schema.js";
import { zerosLike } from "./state-buffer.js";
import type { FloatArray, Optimizer, ParamGroup } from "./types.js";

/** Adagrad adapts each parameter's step to its gradient history, for sparse-ish features. */
export function createAdagrad(
  config: OptimizerConfigOf<"adagrad">,
  groups: ParamGroup[],
  size: number,
  like: FloatArray,
): Optimizer {
  const { eps } = config;
  const lrDecay = config.lr_decay;
  const weightDecay = config.weight_decay;
  const sum = zerosLike(like, size).fill(config.initial_accumulator_value); // (P,) sum of g^2
  let t = 0;

  // https://docs.pytorch.org/docs/stable/generated/torch.optim.Adagrad.html
  //   g = grad + weight_decay * p
  //   clr = lr / (1 + (t - 1) * lr_decay)
  //   sum = sum + g^2
  //   p = p - clr * g / (sqrt(sum) + eps)
  function step(params: FloatArray, grads: FloatArray, lr: number): void {
    t += 1;

    for (let k = 0; k < groups.length; k++) {
      const { start, end, lrScale } = groups[k];
      const clr = (lr * lrScale) / (1 + (t - 1) * lrDecay);

      for (let i = start; i < end; i++) {
        let g = grads[i];
        if (weightDecay !== 0) g += weightDecay * params[i];

        sum[i] += g * g;
        params[i] -= clr * (g / (Math.sqrt(sum[i]) + eps));
      }
    }
  }

  return { name: config.name, step };
}
