// AdamW multiplies every weight by (1 - lr * weight_decay) before each update. Once
// lr * weight_decay reaches 1 that factor is 0 or negative: the weights are wiped out or flip
// sign whatever the gradient says, and the loss curve past that lr says nothing about Adam.

import type { OptimizerConfig } from "./schema.js";

/**
 * Tell the sweep to warn that AdamW's decay factor is <= 0 at this lr. With layer_lr the
 * largest multiplier counts, since that layer's effective lr is lr times its multiplier.
 */
export function adamwDecayNonPositive(config: OptimizerConfig, lr: number): boolean {
  if (config.name !== "adamw") return false;

  let maxScale = 1;
  if (config.layer_lr !== undefined) maxScale = Math.max(...config.layer_lr);

  return lr * maxScale * config.weight_decay >= 1;
}
