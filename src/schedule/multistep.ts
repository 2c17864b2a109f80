// Decay at listed steps, matching PyTorch's MultiStepLR:
// https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.MultiStepLR.html

import type { KindConfig } from "./schema.js";
import type { Schedule } from "./types.js";

/** base_lr multiplied by gamma at each milestone reached. */
export function multistepSchedule(c: KindConfig<"multistep">): Schedule {
  // lr_t = base_lr * gamma^(number of milestones m <= t)   (bisect_right, as PyTorch)
  const lrAt = (t: number): number => {
    let passed = 0;
    while (passed < c.milestones.length && c.milestones[passed] <= t) passed += 1;
    return c.base_lr * c.gamma ** passed;
  };
  return { kind: c.kind, lrAt };
}
