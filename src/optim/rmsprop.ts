// RMSprop: divide the gradient by a running root mean square of recent gradients, optionally
// centered and with momentum, step for step as PyTorch's torch.optim.RMSprop.

import type { OptimizerConfigOf } from "./schema.js";
import { zerosLike } from "./state-buffer.js";
import type { FloatArray, Optimizer, ParamGroup } from "./types.js";

/** RMSprop normalises each parameter's step by the recent size of its gradient. */
export function createRmsprop(
  config: OptimizerConfigOf<"rmsprop">,
  groups: ParamGroup[],
  size: number,
  like: FloatArray,
): Optimizer {
  const { alpha, eps, centered, momentum } = config;
  const weightDecay = config.weight_decay;
  const squareAvg = zerosLike(like, size); // (P,) running mean of g^2
  const gradAvg = zerosLike(like, centered ? size : 0); // (P,) running mean of g, centered only
  const buf = zerosLike(like, momentum > 0 ? size : 0); // (P,) momentum buffer

  // https://docs.pytorch.org/docs/stable/generated/torch.optim.RMSprop.html
  //   g = grad + weight_decay * p
  //   square_avg = alpha * square_avg + (1 - alpha) * g^2
  //   avg = sqrt(square_avg - grad_avg^2) + eps (centered) or sqrt(square_avg) + eps
  //   buf = momentum * buf + g / avg; p = p - lr * buf (momentum > 0)
  //   p = p - lr * g / avg (otherwise)
  function step(params: FloatArray, grads: FloatArray, lr: number): void {
    for (let k = 0; k < groups.length; k++) {
      const { start, end, lrScale } = groups[k];
      const groupLr = lr * lrScale;

      for (let i = start; i < end; i++) {
        let g = grads[i];
        if (weightDecay !== 0) g += weightDecay * params[i];

        // NOTE: eps is added outside the square root, as in PyTorch (Keras adds it inside).
        squareAvg[i] = alpha * squareAvg[i] + (1 - alpha) * g * g;
        let avg: number;
        if (centered) {
          gradAvg[i] = alpha * gradAvg[i] + (1 - alpha) * g;
          avg = Math.sqrt(squareAvg[i] - gradAvg[i] * gradAvg[i]) + eps;
        } else {
          avg = Math.sqrt(squareAvg[i]) + eps;
        }

        if (momentum > 0) {
          buf[i] = momentum * buf[i] + g / avg;
          params[i] -= groupLr * buf[i];
        } else {
          params[i] -= groupLr * (g / avg);
        }
      }
    }
  }

  return { name: config.name, step };
}
