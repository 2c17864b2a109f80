// From a recorded curve to suggested learning rates, a range for cyclic schedules, and the
// guard rails that say when not to trust them.

import { z } from "zod";

import { smoothCentered } from "./centered.js";
import {
  FLAT_THRESHOLD,
  methodsDisagree,
  pickAtEdge,
  relativeChange,
  type Guard,
} from "./guards.js";
import { applyRules, RULES, type RuleHits } from "./rules.js";
import { MIN_ITERATIONS, suggestionWindow } from "./window.js";

/** Rules read off the lag-free curve, and their `_ema` twins read off the causal EMA. */
export const SUGGEST_METHODS = [...RULES, ...RULES.map((r) => `${r}_ema` as const)] as const;
export type SuggestMethod = (typeof SUGGEST_METHODS)[number];

/** One rule's answer: the absolute point index it chose and the learning rate it suggests. */
export const suggestionSchema = z.object({
  method: z.enum(SUGGEST_METHODS),
  index: z.number().int(),
  lr: z.number(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

/** A (min, max) learning-rate range for cyclic / one-cycle schedules, with the rule used. */
export const lrRangeSchema = z.object({ min: z.number(), max: z.number(), rule: z.string() });
export type LrRange = z.infer<typeof lrRangeSchema>;

/** Every rule's answer, null where a rule found none. */
export const suggestionsSchema = z.object(
  Object.fromEntries(SUGGEST_METHODS.map((m) => [m, suggestionSchema.nullable()])) as Record<
    SuggestMethod,
    z.ZodNullable<typeof suggestionSchema>
  >,
);

export interface SuggestOutcome {
  window: { first: number; last: number } | null;
  /** The lag-free smoothing of the usable raw losses, (n,). */
  lagfree: number[];
  suggestions: Record<SuggestMethod, Suggestion | null>;
  pick: Suggestion | null;
  range: LrRange | null;
  /** Why pick or range is null; never a number-like placeholder. */
  reason: string | null;
  guards: Guard[];
}

const NONE = Object.fromEntries(SUGGEST_METHODS.map((m) => [m, null])) as Record<
  SuggestMethod,
  null
>;

/**
 * Apply every rule to the usable points [0, n) (finite, not past the divergence step) and pick
 * `method`'s answer. `raw` feeds the lag-free curve, `ema` the fastai-compatible twins.
 */
export function suggest(
  lr: ArrayLike<number>,
  raw: ArrayLike<number>,
  ema: ArrayLike<number>,
  n: number,
  method: SuggestMethod,
): SuggestOutcome {
  const lagfree = n > 0 ? Array.from(smoothCentered(raw, n)) : [];
  const window = suggestionWindow(n);
  if (window === null) {
    const reason =
      `only ${n} usable points, need ≥ ${MIN_ITERATIONS}; ` +
      "lower start_lr/end_lr or raise iterations";
    const guards = [{ code: "too_few_points", message: reason }];
    return {
      window: null,
      lagfree,
      suggestions: { ...NONE },
      pick: null,
      range: null,
      reason,
      guards,
    };
  }

  const { first, last } = window;
  const slice = (v: ArrayLike<number>) =>
    Array.from({ length: last - first + 1 }, (_, k) => v[first + k]);
  const lrs = slice(lr);
  const hits = { lagfree: applyRules(slice(lagfree), lrs), ema: applyRules(slice(ema), lrs) };
  const suggestions = { ...NONE } as Record<SuggestMethod, Suggestion | null>;
  for (const rule of RULES) {
    suggestions[rule] = hitOf(hits.lagfree, rule, rule, first, lr);
    suggestions[`${rule}_ema`] = hitOf(hits.ema, rule, `${rule}_ema`, first, lr);
  }

  const useEma = method.endsWith("_ema");
  const curve = useEma ? slice(ema) : slice(lagfree);
  const hit = useEma ? hits.ema : hits.lagfree;
  const guards: Guard[] = [];

  // a flat curve gives no confident number
  const change = relativeChange(curve);
  if (change < FLAT_THRESHOLD) {
    const reason =
      `the curve is flat (${(100 * change).toFixed(1)}% change over the window): ` +
      "widen the range (lower start_lr, raise end_lr)";
    guards.push({ code: "flat_curve", message: reason });
    return { window, lagfree, suggestions, pick: null, range: null, reason, guards };
  }

  const pick = suggestions[method];
  if (pick === null) {
    const reason = "the loss never fell inside the window; lower start_lr";
    guards.push({ code: "loss_never_fell", message: reason });
    return { window, lagfree, suggestions, pick, range: null, reason, guards };
  }

  const edge = pickAtEdge(pick.index, first, last);
  if (edge) guards.push(edge);
  const family = RULES.map((r) => suggestions[(useEma ? `${r}_ema` : r) as SuggestMethod]).filter(
    (s): s is Suggestion => s !== null,
  );
  const disagree = methodsDisagree(family);
  if (disagree) guards.push(disagree);

  const rule = method.replace(/_ema$/, "");
  const bottom = first + (rule === "valley" ? hit.valley.end : hit.minK);
  const range = lrRange(lr, bottom, pick);
  const reason = range === null ? "no descending stretch below the pick to span a range" : null;
  return { window, lagfree, suggestions, pick, range, reason, guards };
}

function hitOf(
  hits: RuleHits,
  rule: (typeof RULES)[number],
  method: SuggestMethod,
  first: number,
  lr: ArrayLike<number>,
): Suggestion | null {
  const k = hits.index[rule];
  return k === null ? null : { method, index: first + k, lr: lr[first + k] * hits.scale[rule] };
}

/**
 * Smith's range: max = the lr at the bottom of the descending stretch the pick came from
 * (past it the loss turns up); min = max / 10, lowered to the pick if the pick lies below.
 */
function lrRange(lr: ArrayLike<number>, bottom: number, pick: Suggestion): LrRange | null {
  const max = lr[bottom];
  if (!(max > pick.lr)) return null;

  const tenth = max / 10;
  if (pick.lr >= tenth) return { min: tenth, max, rule: "max at bottom of descent, min = max/10" };
  return { min: pick.lr, max, rule: "max at bottom of descent, min = suggestion (below max/10)" };
}
