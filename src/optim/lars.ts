// LARS (You, Gitman & Ginsburg 2017, "Large Batch Training of Convolutional Networks",
// arXiv:1708.03888, Algorithm 1): SGD with momentum whose step is rescaled per layer by a
// trust ratio, so no layer moves by more than a fixed fraction of its own weight norm.

import type { OptimizerConfigOf } from "./schema.js";
import { zerosLike } from "./state-buffer.js";
import type { FloatArray, Optimizer, ParamGroup } from "./types.js";

/** LARS keeps large learning rates stable; each group (one tensor) gets its own trust ratio. */
export function createLars(
  config: OptimizerConfigOf<"lars">,
  groups: ParamGroup[],
  size: number,
  like: FloatArray,
): Optimizer {
  const { momentum } = config;
  const weightDecay = config.weight_decay; // beta in the paper
  const eta = config.trust_coefficient;
  const v = zerosLike(like, size); // (P,) momentum buffer, lr already inside it

  // arXiv:1708.03888, Algorithm 1, per group, with ||.|| the group's Euclidean norm:
  //   local_lr = eta * ||w|| / (||g|| + beta * ||w||)
  //   v = momentum * v + lr * local_lr * (g + beta * w)
  //   w = w - v
  function step(params: FloatArray, grads: FloatArray, lr: number): void {
    for (let k = 0; k < groups.length; k++) {
      const { start, end, lrScale } = groups[k];

      let wSq = 0;
      let gSq = 0;
      for (let i = start; i < end; i++) {
        wSq += params[i] * params[i];
        gSq += grads[i] * grads[i];
      }
      const wNorm = Math.sqrt(wSq);
      const gNorm = Math.sqrt(gSq);

      // NOTE: the paper leaves a zero norm undefined (0/0 for a zero-initialised tensor).
      // Like LARC and torchlars we then use local_lr = 1: a plain momentum-SGD step.
      const trusted = wNorm !== 0 && gNorm !== 0;
      const localLr = trusted ? (eta * wNorm) / (gNorm + weightDecay * wNorm) : 1;
      const scaledLr = lr * lrScale * localLr;

      for (let i = start; i < end; i++) {
        v[i] = momentum * v[i] + scaledLr * (grads[i] + weightDecay * params[i]);
        params[i] -= v[i];
      }
    }
  }

  return { name: config.name, step };
}
