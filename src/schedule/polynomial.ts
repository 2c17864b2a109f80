// Polynomial decay to 0, matching PyTorch's PolynomialLR:
// https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.PolynomialLR.html

import type { KindConfig } from "./schema.js";
import type { Schedule } from "./types.js";

/** base_lr decaying as a power of the remaining fraction; 0 from total_iters on. */
export function polynomialSchedule(c: KindConfig<"polynomial">): Schedule {
  // lr_t = base_lr * (1 - min(t, total_iters) / total_iters)^power
  // NOTE: PyTorch's PolynomialLR has no end lr, so the lr really is 0 after total_iters.
  const lrAt = (t: number): number => {
    const done = Math.min(Math.max(t, 0), c.total_iters);
    return c.base_lr * (1 - done / c.total_iters) ** c.power;
  };
  return { kind: c.kind, lrAt };
}
