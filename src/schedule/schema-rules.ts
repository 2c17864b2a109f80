// Cross-field rules of the `schedule:` block, each named as the claim it checks. They run only
// once every field has parsed, and each issue points at the key to change.

import type { z } from "zod";

import { oneCycleMinSteps } from "./one-cycle.js";
import type { KindConfig, ScheduleConfig } from "./schema.js";

type Ctx = z.RefinementCtx;

function report(ctx: Ctx, key: string, input: unknown, message: string): void {
  ctx.addIssue({ code: "custom", path: [key], input, message });
}

// PyTorch lets eta_min exceed base_lr, which turns the annealing upside down.
function etaMinNotAboveBaseLr(c: { eta_min: number; base_lr: number }, ctx: Ctx): void {
  if (c.eta_min <= c.base_lr) return;

  report(
    ctx,
    "eta_min",
    c.eta_min,
    `expected eta_min <= base_lr (${c.base_lr}), received ${c.eta_min}`,
  );
}

// Swapped bounds would run the triangle upside down (BL-18).
function baseLrBelowMaxLr(c: KindConfig<"cyclic">, ctx: Ctx): void {
  if (c.base_lr < c.max_lr) return;

  report(
    ctx,
    "base_lr",
    c.base_lr,
    `base_lr must be < max_lr (received base_lr ${c.base_lr}, max_lr ${c.max_lr})`,
  );
}

// Momentum runs opposite to the lr, from max_momentum down to base_momentum.
function baseMomentumNotAboveMax(
  c: { cycle_momentum: boolean; base_momentum: number; max_momentum: number },
  ctx: Ctx,
): void {
  if (!c.cycle_momentum || c.base_momentum <= c.max_momentum) return;

  report(
    ctx,
    "base_momentum",
    c.base_momentum,
    `expected base_momentum <= max_momentum (${c.max_momentum}), received ${c.base_momentum}`,
  );
}

// Phase 1 ends at pct_start * total_steps - 1; if that is <= 0 the phase is empty and
// PyTorch divides by zero (BL-17). Three phases also need phase 3 to fit after phase 2.
function oneCyclePhasesNotEmpty(c: KindConfig<"one_cycle">, ctx: Ctx): void {
  if (c.three_phase && c.pct_start > 0.5) {
    report(
      ctx,
      "pct_start",
      c.pct_start,
      `expected pct_start <= 0.5 with three_phase: true (phases 1 and 2 each take ` +
        `pct_start of the run), received ${c.pct_start}`,
    );
    return;
  }

  const total = c.total_steps ?? c.steps;
  const min = oneCycleMinSteps(c.pct_start);
  if (total >= min) return;

  const key = c.total_steps !== undefined ? "total_steps" : "steps";
  report(
    ctx,
    key,
    total,
    `one_cycle needs total_steps >= ${min} when pct_start is ${c.pct_start} ` +
      `(a shorter run leaves phase 1 with no steps), received ${total}`,
  );
}

/** Every cross-field rule of the kind at hand; zod calls it after the fields have parsed. */
export function checkScheduleRules(config: ScheduleConfig, ctx: Ctx): void {
  switch (config.kind) {
    case "cosine":
    case "cosine_restarts":
      etaMinNotAboveBaseLr(config, ctx);
      break;
    case "cyclic":
      baseLrBelowMaxLr(config, ctx);
      baseMomentumNotAboveMax(config, ctx);
      break;
    case "one_cycle":
      oneCyclePhasesNotEmpty(config, ctx);
      baseMomentumNotAboveMax(config, ctx);
      break;
    default:
      break;
  }
}
