// Step decay, matching PyTorch's StepLR:
// https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.StepLR.html

import type { KindConfig } from "./schema.js";
import type { Schedule } from "./types.js";

/** base_lr multiplied by gamma once every step_size steps. */
export function stepSchedule(c: KindConfig<"step">): Schedule {
  // lr_t = base_lr * gamma^floor(t / step_size)   (PyTorch's closed form)
  const lrAt = (t: number): number => {
    return c.base_lr * c.gamma ** Math.floor(Math.max(t, 0) / c.step_size);
  };
  return { kind: c.kind, lrAt };
}
