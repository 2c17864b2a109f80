// Exponential decay, matching PyTorch's ExponentialLR:
// https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ExponentialLR.html

import type { KindConfig } from "./schema.js";
import type { Schedule } from "./types.js";

/** base_lr multiplied by gamma every step. */
export function exponentialSchedule(c: KindConfig<"exponential">): Schedule {
  // lr_t = base_lr * gamma^t   (PyTorch multiplies step by step; equal to rounding)
  const lrAt = (t: number): number => c.base_lr * c.gamma ** Math.max(t, 0);
  return { kind: c.kind, lrAt };
}
