// Linear ramp of a factor, matching PyTorch's LinearLR:
// https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.LinearLR.html

import type { KindConfig } from "./schema.js";
import type { Schedule } from "./types.js";

/** The factor at step t, going linearly from start to end over totalIters and then held. */
export function linearFactor(start: number, end: number, totalIters: number, t: number): number {
  // factor_t = start_factor + (end_factor - start_factor) * min(t, total_iters) / total_iters
  return start + ((end - start) * Math.min(Math.max(t, 0), totalIters)) / totalIters;
}

/** LinearLR: base_lr * factor_t, held at end_factor after total_iters. */
export function linearSchedule(c: KindConfig<"linear">): Schedule {
  const lrAt = (t: number): number => {
    return c.base_lr * linearFactor(c.start_factor, c.end_factor, c.total_iters, t);
  };
  return { kind: c.kind, lrAt };
}
