// Turn a golden PyTorch scheduler case into the `schedule:` block lr-find reads for it.

import type { ScheduleKind } from "../../src/schedule/schema.js";

/** The fields of a case in test/golden/schedulers.json that the mapping needs. */
export interface GoldenCase {
  name: string;
  scheduler: string;
  scheduler_kwargs: Record<string, unknown>;
  optimizer: { lr: number };
  n_steps: number;
  lr: number[];
  momentum?: number[];
}

const KIND_OF: Record<string, ScheduleKind> = {
  StepLR: "step",
  MultiStepLR: "multistep",
  ExponentialLR: "exponential",
  PolynomialLR: "polynomial",
  CosineAnnealingLR: "cosine",
  CosineAnnealingWarmRestarts: "cosine_restarts",
  CyclicLR: "cyclic",
  OneCycleLR: "one_cycle",
  LinearLR: "linear",
};

// PyTorch's keyword arguments, lower-cased, without the None ones (our keys are then omitted)
function lowerKeys(kwargs: Record<string, unknown>): Record<string, unknown> {
  const entries = Object.entries(kwargs).filter(([, value]) => value !== null);
  return Object.fromEntries(entries.map(([key, value]) => [key.toLowerCase(), value]));
}

function mainBlock(scheduler: string, kwargs: Record<string, unknown>, c: GoldenCase) {
  const kind = KIND_OF[scheduler];
  if (kind === undefined) throw new Error(`no lr-find kind for ${scheduler}`);

  // CyclicLR brings its own base_lr and OneCycleLR has none; the others use the optimizer's lr
  const baseLr = kind === "one_cycle" || "base_lr" in kwargs ? {} : { base_lr: c.optimizer.lr };
  return { kind, steps: c.n_steps, ...baseLr, ...lowerKeys(kwargs) };
}

/** The block for a case; SequentialLR([LinearLR, main], [n]) becomes main plus `warmup:`. */
export function goldenBlock(c: GoldenCase): Record<string, unknown> {
  if (c.scheduler !== "SequentialLR") return mainBlock(c.scheduler, c.scheduler_kwargs, c);

  type Part = { scheduler: string; kwargs: Record<string, unknown> };
  const [warm, main] = c.scheduler_kwargs.schedulers as Part[];
  const milestones = c.scheduler_kwargs.milestones as number[];
  const { start_factor, end_factor, total_iters } = warm.kwargs;
  if (warm.scheduler !== "LinearLR" || end_factor !== 1 || milestones[0] !== total_iters) {
    throw new Error(`${c.name}: only LinearLR warmups to end_factor 1 map to warmup:`);
  }
  return { ...mainBlock(main.scheduler, main.kwargs, c), warmup: { total_iters, start_factor } };
}
