// Cosine annealing, matching PyTorch's CosineAnnealingLR:
// https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CosineAnnealingLR.html

import type { KindConfig } from "./schema.js";
import type { Schedule } from "./types.js";

/** Half a cosine from base_lr (tCur = 0) down to etaMin (tCur = period); shared with restarts. */
export function cosineAnneal(etaMin: number, baseLr: number, tCur: number, period: number): number {
  // eta_t = eta_min + (base_lr - eta_min) * (1 + cos(pi * T_cur / T_max)) / 2
  return etaMin + ((baseLr - etaMin) * (1 + Math.cos((Math.PI * tCur) / period))) / 2;
}

/**
 * Cosine annealing over t_max steps. NOTE: past t_max the lr rises again (the formula has
 * period 2 * t_max), exactly as PyTorch does; it does not hold eta_min.
 */
export function cosineSchedule(c: KindConfig<"cosine">): Schedule {
  const lrAt = (t: number): number => cosineAnneal(c.eta_min, c.base_lr, Math.max(t, 0), c.t_max);
  return { kind: c.kind, lrAt };
}
