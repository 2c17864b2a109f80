// Cosine annealing with warm restarts (SGDR, Loshchilov & Hutter 2017), matching PyTorch's
// CosineAnnealingWarmRestarts; its page is the one above the 100-column limit, so in two parts:
// https://docs.pytorch.org/docs/stable/generated/
//   torch.optim.lr_scheduler.CosineAnnealingWarmRestarts.html

import { cosineAnneal } from "./cosine.js";
import type { KindConfig } from "./schema.js";
import type { Schedule } from "./types.js";

/** Position in the current cycle and that cycle's length: restarts at t_0, t_0(1 + t_mult), ... */
function cyclePosition(t: number, t0: number, tMult: number): { tCur: number; tI: number } {
  if (tMult === 1) return { tCur: t % t0, tI: t0 };

  // cycles grow geometrically, so this loop runs about log_tMult(t / t0) times
  let tCur = t;
  let tI = t0;
  while (tCur >= tI) {
    tCur -= tI;
    tI *= tMult;
  }
  return { tCur, tI };
}

/** Cosine from base_lr to eta_min, restarting at base_lr; each cycle t_mult times longer. */
export function cosineRestartsSchedule(c: KindConfig<"cosine_restarts">): Schedule {
  const lrAt = (t: number): number => {
    const { tCur, tI } = cyclePosition(Math.max(t, 0), c.t_0, c.t_mult);
    return cosineAnneal(c.eta_min, c.base_lr, tCur, tI);
  };
  return { kind: c.kind, lrAt };
}
