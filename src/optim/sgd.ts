// Stochastic gradient descent with optional momentum, Nesterov momentum and coupled L2
// weight decay, step for step as PyTorch's torch.optim.SGD.

import { sgdWasm } from "../model/kernels/optim-wasm.js";
import type { OptimizerConfigOf } from "./schema.js";
import { zerosLike } from "./state-buffer.js";
import type { FloatArray, Optimizer, ParamGroup } from "./types.js";

/** The baseline optimizer of every range test; momentum makes it the common SGD variant. */
export function createSgd(
  config: OptimizerConfigOf<"sgd">,
  groups: ParamGroup[],
  size: number,
  like: FloatArray,
): Optimizer {
  const { dampening, nesterov } = config;
  let momentum = config.momentum;
  const weightDecay = config.weight_decay;
  const buf = zerosLike(like, momentum !== 0 ? size : 0); // (P,) momentum buffer
  let t = 0;

  // https://docs.pytorch.org/docs/stable/generated/torch.optim.SGD.html
  //   g = grad + weight_decay * p
  //   buf = g at t = 1, else momentum * buf + (1 - dampening) * g
  //   g = g + momentum * buf (nesterov) or g = buf
  //   p = p - lr * g
  function step(params: FloatArray, grads: FloatArray, lr: number): void {
    t += 1;

    for (let k = 0; k < groups.length; k++) {
      const { start, end, lrScale } = groups[k];
      const groupLr = lr * lrScale;

      // float32 network on the wasm kernel path: the same update, four elements at a time
      if (
        sgdWasm(
          params,
          grads,
          buf,
          start,
          end,
          groupLr,
          weightDecay,
          momentum,
          dampening,
          nesterov,
          t === 1,
        )
      )
        continue;

      for (let i = start; i < end; i++) {
        let g = grads[i];
        if (weightDecay !== 0) g += weightDecay * params[i];

        if (momentum !== 0) {
          // NOTE: the first step copies g into the buffer without dampening, as PyTorch does.
          buf[i] = t === 1 ? g : momentum * buf[i] + (1 - dampening) * g;
          g = nesterov ? g + momentum * buf[i] : buf[i];
        }

        params[i] -= groupLr * g;
      }
    }
  }

  // a cycled momentum only moves an existing buffer: the spec requires momentum > 0 for it
  const setMomentum = (m: number) => {
    momentum = m;
  };

  return { name: config.name, step, ...(config.momentum !== 0 ? { setMomentum } : {}) };
}
