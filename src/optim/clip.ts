// Gradient clipping, done by the sweep between backward and the update so that one huge
// gradient at a high learning rate does not end the range test early.

import type { FloatArray } from "./types.js";

/**
 * Rescale `grads` in place so their global L2 norm is at most `maxNorm`, as
 * torch.nn.utils.clip_grad_norm_; returns the norm before clipping, for logging.
 */
export function clipGradNorm(grads: FloatArray, maxNorm: number): number {
  let sumSq = 0;
  for (let i = 0; i < grads.length; i++) sumSq += grads[i] * grads[i];
  const totalNorm = Math.sqrt(sumSq);

  // https://docs.pytorch.org/docs/stable/generated/torch.nn.utils.clip_grad_norm_.html
  //   coef = max_norm / (total_norm + 1e-6), applied only when coef < 1
  // NOTE: a NaN norm leaves the gradients as they are (PyTorch would turn them all to NaN);
  // the caller sees the NaN it returns and the sweep stops on the diverged loss either way.
  const coef = maxNorm / (totalNorm + 1e-6);
  if (coef < 1) {
    for (let i = 0; i < grads.length; i++) grads[i] *= coef;
  }

  return totalNorm;
}

/** Clamp every gradient into [-clip, clip] in place, as torch.nn.utils.clip_grad_value_. */
export function clipGradValue(grads: FloatArray, clip: number): void {
  // NaN fails both comparisons and stays NaN, as with torch.clamp.
  for (let i = 0; i < grads.length; i++) {
    if (grads[i] > clip) grads[i] = clip;
    else if (grads[i] < -clip) grads[i] = -clip;
  }
}

/** The clipping an optimizer config asks for (clip_norm, then clip_value), in place. */
export function clipGradients(
  grads: FloatArray,
  config: { clip_norm?: number; clip_value?: number },
): void {
  if (config.clip_norm !== undefined) clipGradNorm(grads, config.clip_norm);
  if (config.clip_value !== undefined) clipGradValue(grads, config.clip_value);
}
