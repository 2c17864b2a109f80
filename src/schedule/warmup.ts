// Linear warmup in front of a main schedule, matching PyTorch's SequentialLR of
// [LinearLR(start_factor, end_factor=1, total_iters), main] with milestones=[total_iters]:
// https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.SequentialLR.html

import { linearFactor } from "./linear.js";
import type { ScheduleConfig } from "./schema.js";
import type { Schedule } from "./types.js";

type WarmupConfig = NonNullable<ScheduleConfig["warmup"]>;

/**
 * Steps 0 .. total_iters - 1 ramp from start_factor * targetLr towards targetLr (LinearLR's
 * convention: the first update uses start_factor * targetLr, never 0); from step total_iters
 * on, the main schedule runs from its own step 0. total_iters 0 returns `main` unchanged.
 * Momentum, if the main schedule cycles it, holds its step-0 value during the warmup.
 */
export function withWarmup(main: Schedule, warmup: WarmupConfig, targetLr: number): Schedule {
  const w = warmup.total_iters;
  if (w === 0) return main;

  // lr_t = target * (start_factor + (1 - start_factor) * t / total_iters) for t < total_iters
  const lrAt = (t: number): number => {
    if (t >= w) return main.lrAt(t - w);
    return targetLr * linearFactor(warmup.start_factor, 1, w, t);
  };
  const kind = `warmup+${main.kind}`;
  const mainMomentum = main.momentumAt;
  if (mainMomentum === undefined) return { kind, lrAt };

  const momentumAt = (t: number): number => mainMomentum(Math.max(t - w, 0));
  return { kind, lrAt, momentumAt };
}
