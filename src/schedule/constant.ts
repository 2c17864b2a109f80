// A constant lr: what an optimizer does with no scheduler at all, or PyTorch's ConstantLR
// with factor 1 (lr-find's constant has no factor or total_iters):
// https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ConstantLR.html

import type { KindConfig } from "./schema.js";
import type { Schedule } from "./types.js";

/** base_lr at every step. */
export function constantSchedule(c: KindConfig<"constant">): Schedule {
  return { kind: c.kind, lrAt: () => c.base_lr };
}
