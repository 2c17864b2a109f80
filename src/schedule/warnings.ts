// Settings that parse but probably do not do what the user meant. They are returned, not
// printed: report/ decides how to show them.

import type { ScheduleConfig } from "./schema.js";

/** One warning; `path` is relative to the schedule block, like a zod issue's. */
export interface ScheduleWarning {
  path: string;
  message: string;
}

/** Every warning for a parsed block, in the order of the keys they point at. */
export function scheduleWarnings(c: ScheduleConfig): ScheduleWarning[] {
  const warnings: ScheduleWarning[] = [];
  const warmup = c.warmup?.total_iters ?? 0;
  const mainSteps = c.steps - warmup;

  // BL-15: a warmup as long as the run leaves no room for the schedule itself
  if (warmup >= c.steps) {
    warnings.push({
      path: "warmup.total_iters",
      message:
        `warmup (${warmup} steps) is as long as the run (steps ${c.steps}); ` +
        `the ${c.kind} schedule never starts`,
    });
  }
  if (mainSteps <= 0) return warnings;

  if (c.kind === "cosine" && c.t_max < mainSteps) {
    warnings.push({
      path: "t_max",
      message:
        `t_max ${c.t_max} is shorter than the run (${mainSteps} steps after warmup): ` +
        "the lr rises again after t_max, as in PyTorch; use cosine_restarts to restart on purpose",
    });
  }
  if (c.kind === "polynomial" && c.total_iters < mainSteps) {
    warnings.push({
      path: "total_iters",
      message:
        `total_iters ${c.total_iters} is shorter than the run: the lr is 0 from step ` +
        `${c.total_iters + warmup} on`,
    });
  }
  // BL-17: one_cycle past its plan holds the final lr instead of raising like PyTorch
  if (c.kind === "one_cycle" && (c.total_steps ?? c.steps) < mainSteps) {
    const total = c.total_steps ?? c.steps;
    warnings.push({
      path: "total_steps",
      message:
        `${mainSteps} steps requested, schedule has ${total}: ` +
        `the lr stays at its final value from step ${total + warmup} on`,
    });
  }
  return warnings;
}
