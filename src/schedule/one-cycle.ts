// One-cycle policy (Smith & Topin 2017), matching PyTorch's OneCycleLR:
// https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.OneCycleLR.html

import type { KindConfig } from "./schema.js";
import type { Schedule } from "./types.js";

type Anneal = (start: number, end: number, pct: number) => number;

// PyTorch's _annealing_cos and _annealing_linear, same operation order.
const ANNEAL: Record<"cos" | "linear", Anneal> = {
  cos: (start, end, pct) => end + ((start - end) / 2) * (Math.cos(Math.PI * pct) + 1),
  linear: (start, end, pct) => (end - start) * pct + start,
};

interface Phase {
  end: number;
  lr: readonly [number, number];
  momentum: readonly [number, number];
}

/** The smallest total_steps whose first phase is not empty: pct_start * n - 1 > 0. */
export function oneCycleMinSteps(pctStart: number): number {
  // evaluated exactly as PyTorch does, in floating point (0.3 * 100 - 1 is not 29)
  let n = Math.max(2, Math.floor(1 / pctStart));
  while (pctStart * n - 1 <= 0) n += 1;
  return n;
}

function phases(c: KindConfig<"one_cycle">, total: number): Phase[] {
  const initialLr = c.max_lr / c.div_factor;
  const minLr = initialLr / c.final_div_factor;
  const lo = c.base_momentum;
  const hi = c.max_momentum;

  // phase ends are PyTorch's: float(pct_start * total) - 1, float(2 * pct_start * total) - 2
  const end1 = c.pct_start * total - 1;
  if (!c.three_phase) {
    return [
      { end: end1, lr: [initialLr, c.max_lr], momentum: [hi, lo] },
      { end: total - 1, lr: [c.max_lr, minLr], momentum: [lo, hi] },
    ];
  }
  return [
    { end: end1, lr: [initialLr, c.max_lr], momentum: [hi, lo] },
    { end: 2 * c.pct_start * total - 2, lr: [c.max_lr, initialLr], momentum: [lo, hi] },
    { end: total - 1, lr: [initialLr, minLr], momentum: [hi, hi] },
  ];
}

/**
 * One-cycle lr (and momentum, unless cycle_momentum is off). NOTE: from step total_steps - 1
 * on both stay at their final values; PyTorch extrapolates the last phase for one more step
 * and then raises "Tried to step N times" (BL-17).
 */
export function oneCycleSchedule(c: KindConfig<"one_cycle">): Schedule {
  const total = c.total_steps ?? c.steps;
  const plan = phases(c, total);
  const anneal = ANNEAL[c.anneal_strategy];

  // the phase holding step t and how far into it t is, as PyTorch's get_lr finds them
  function locate(t: number): { phase: Phase; pct: number } {
    const step = Math.min(Math.max(t, 0), total - 1);
    let start = 0;
    for (let i = 0; i < plan.length - 1; i++) {
      const phase = plan[i];
      if (step <= phase.end) return { phase, pct: (step - start) / (phase.end - start) };
      start = phase.end;
    }
    const last = plan[plan.length - 1];
    return { phase: last, pct: (step - start) / (last.end - start) };
  }

  const lrAt = (t: number): number => {
    const { phase, pct } = locate(t);
    return anneal(phase.lr[0], phase.lr[1], pct);
  };
  if (!c.cycle_momentum) return { kind: c.kind, lrAt };

  const momentumAt = (t: number): number => {
    const { phase, pct } = locate(t);
    return anneal(phase.momentum[0], phase.momentum[1], pct);
  };
  return { kind: c.kind, lrAt, momentumAt };
}
