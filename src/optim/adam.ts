// Adam and AdamW, step for step as PyTorch's torch.optim.Adam and torch.optim.AdamW. They
// differ only in weight decay: Adam adds wd * p to the gradient (coupled L2), so the decay is
// rescaled by the adaptive denominator; AdamW shrinks p by (1 - lr * wd) before the update.

import { adamWasm } from "../model/kernels/optim-wasm.js";
import type { OptimizerConfigOf } from "./schema.js";
import { zerosLike } from "./state-buffer.js";
import type { FloatArray, Optimizer, ParamGroup } from "./types.js";

/** The default adaptive optimizer; `name: adamw` selects decoupled weight decay. */
export function createAdam(
  config: OptimizerConfigOf<"adam" | "adamw">,
  groups: ParamGroup[],
  size: number,
  like: FloatArray,
): Optimizer {
  let beta1 = config.betas[0];
  const beta2 = config.betas[1];
  const { eps, amsgrad } = config;
  const weightDecay = config.weight_decay;
  const decoupled = config.name === "adamw";
  const expAvg = zerosLike(like, size); // (P,) first moment m
  const expAvgSq = zerosLike(like, size); // (P,) second moment v
  const maxExpAvgSq = zerosLike(like, amsgrad ? size : 0); // (P,) running max of v, AMSGrad
  let t = 0;

  // https://docs.pytorch.org/docs/stable/generated/torch.optim.Adam.html
  // https://docs.pytorch.org/docs/stable/generated/torch.optim.AdamW.html
  //   p = p * (1 - lr * wd) (AdamW)   or   g = grad + wd * p (Adam)
  //   m = beta1 * m + (1 - beta1) * g;  v = beta2 * v + (1 - beta2) * g^2
  //   v_max = max(v_max, v) and use it for v (amsgrad; the raw v, not bias-corrected)
  //   p = p - (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
  function step(params: FloatArray, grads: FloatArray, lr: number): void {
    t += 1;
    const bc1 = 1 - beta1 ** t;
    const bc2Sqrt = Math.sqrt(1 - beta2 ** t);

    for (let k = 0; k < groups.length; k++) {
      const { start, end, lrScale } = groups[k];
      const groupLr = lr * lrScale;
      const stepSize = groupLr / bc1;
      const decay = 1 - groupLr * weightDecay;

      // float32 network on the wasm kernel path: the same update, four elements at a time
      if (
        !amsgrad &&
        adamWasm(
          params,
          grads,
          expAvg,
          expAvgSq,
          start,
          end,
          beta1,
          beta2,
          eps,
          stepSize,
          bc2Sqrt,
          weightDecay,
          decoupled,
          decay,
        )
      )
        continue;

      for (let i = start; i < end; i++) {
        let g = grads[i];
        if (decoupled) params[i] *= decay;
        else if (weightDecay !== 0) g += weightDecay * params[i];

        expAvg[i] = beta1 * expAvg[i] + (1 - beta1) * g;
        expAvgSq[i] = beta2 * expAvgSq[i] + (1 - beta2) * g * g;
        let second = expAvgSq[i];
        if (amsgrad) {
          maxExpAvgSq[i] = Math.max(maxExpAvgSq[i], second);
          second = maxExpAvgSq[i];
        }

        params[i] -= stepSize * (expAvg[i] / (Math.sqrt(second) / bc2Sqrt + eps));
      }
    }
  }

  // one-cycle's momentum cycling moves beta1, as PyTorch's OneCycleLR does for Adam
  const setMomentum = (m: number) => {
    beta1 = m;
  };

  return { name: config.name, step, setMomentum };
}
