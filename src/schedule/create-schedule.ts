// From a parsed `schedule:` block to the Schedule that gives the lr (and momentum) per step.

import { constantSchedule } from "./constant.js";
import { cosineRestartsSchedule } from "./cosine-restarts.js";
import { cosineSchedule } from "./cosine.js";
import { cyclicSchedule } from "./cyclic.js";
import { exponentialSchedule } from "./exponential.js";
import { linearSchedule } from "./linear.js";
import { multistepSchedule } from "./multistep.js";
import { oneCycleSchedule } from "./one-cycle.js";
import { polynomialSchedule } from "./polynomial.js";
import type { ScheduleConfig } from "./schema.js";
import { stepSchedule } from "./step.js";
import type { Schedule } from "./types.js";
import { withWarmup } from "./warmup.js";

function mainSchedule(config: ScheduleConfig): Schedule {
  switch (config.kind) {
    case "constant":
      return constantSchedule(config);
    case "step":
      return stepSchedule(config);
    case "multistep":
      return multistepSchedule(config);
    case "exponential":
      return exponentialSchedule(config);
    case "polynomial":
      return polynomialSchedule(config);
    case "cosine":
      return cosineSchedule(config);
    case "cosine_restarts":
      return cosineRestartsSchedule(config);
    case "cyclic":
      return cyclicSchedule(config);
    case "one_cycle":
      return oneCycleSchedule(config);
    case "linear":
      return linearSchedule(config);
  }
}

/**
 * The schedule a parsed block describes; lrAt(t) is the lr PyTorch uses at step t in the loop
 * `lr[t] = group lr; optimizer.step(); scheduler.step()`.
 */
export function createSchedule(config: ScheduleConfig): Schedule {
  const main = mainSchedule(config);
  if (config.warmup === undefined) return main;

  // the warmup climbs to base_lr, as LinearLR does; one_cycle has none, so it climbs to the
  // lr one_cycle starts at (max_lr / div_factor)
  const target = config.kind === "one_cycle" ? main.lrAt(0) : config.base_lr;
  return withWarmup(main, config.warmup, target);
}

/** The first `steps` values of a schedule, for tables and charts. */
export function tabulateSchedule(
  schedule: Schedule,
  steps: number,
): { lr: Float64Array; momentum: Float64Array | undefined } {
  const lr = new Float64Array(steps); // (steps)
  for (let t = 0; t < steps; t++) lr[t] = schedule.lrAt(t);

  const momentumAt = schedule.momentumAt;
  if (momentumAt === undefined) return { lr, momentum: undefined };

  const momentum = new Float64Array(steps); // (steps)
  for (let t = 0; t < steps; t++) momentum[t] = momentumAt(t);
  return { lr, momentum };
}
