// From a recorded curve to suggested learning rates and a range for cyclic schedules.

import { argmin, gradientUnit } from "./gradient.js";
import { valley } from "./valley.js";
import { MIN_ITERATIONS, suggestionWindow } from "./window.js";

export const SUGGEST_METHODS = ["valley", "steep", "minimum", "steepest"] as const;
export type SuggestMethod = (typeof SUGGEST_METHODS)[number];

/** One rule's answer: the absolute point index it chose and the learning rate it suggests. */
export interface Suggestion {
  method: SuggestMethod;
  index: number;
  lr: number;
}

/** A (min, max) learning-rate range for cyclic / one-cycle schedules, with the rule used. */
export interface LrRange {
  min: number;
  max: number;
  rule: string;
}

export interface SuggestOutcome {
  window: { first: number; last: number } | null;
  suggestions: Record<SuggestMethod, Suggestion | null>;
  pick: Suggestion | null;
  range: LrRange | null;
  /** Why pick or range is null; never a number-like placeholder. */
  reason: string | null;
}

const NONE: Record<SuggestMethod, null> = { valley: null, steep: null, minimum: null, steepest: null };

/**
 * Apply every rule to the usable points lr[0..n), smoothed[0..n) (finite, before divergence)
 * and pick `method`'s answer. Index-based rules assume the exponential ladder.
 */
export function suggest(
  lr: ArrayLike<number>,
  smoothed: ArrayLike<number>,
  n: number,
  method: SuggestMethod,
): SuggestOutcome {
  const window = suggestionWindow(n);
  if (window === null) {
    const reason =
      `only ${n} usable points, need ≥ ${MIN_ITERATIONS}; ` +
      "lower start_lr/end_lr or raise iterations";
    return { window: null, suggestions: { ...NONE }, pick: null, range: null, reason };
  }

  const { first, last } = window;
  const s = Array.from({ length: last - first + 1 }, (_, k) => smoothed[first + k]);
  const at = (k: number, m: SuggestMethod, scale = 1): Suggestion => ({
    method: m,
    index: first + k,
    lr: lr[first + k] * scale,
  });

  const v = valley(s);
  const minK = argmin(s);
  const steepK = argmin(steepSlopes(s, lr, first));
  const suggestions: Record<SuggestMethod, Suggestion | null> = {
    valley: v.length >= 2 ? at(v.index, "valley") : null,
    steep: minK > 0 ? at(steepK, "steep") : null,
    minimum: minK > 0 ? at(minK, "minimum", 0.1) : null,
    steepest: minK > 0 ? at(argmin(gradientUnit(s)), "steepest") : null,
  };

  const pick = suggestions[method];
  if (pick === null) {
    const reason = "the smoothed loss never fell inside the window; lower start_lr";
    return { window, suggestions, pick, range: null, reason };
  }

  const bottom = method === "valley" ? first + v.end : first + minK;
  const range = lrRange(lr, bottom, pick);
  const reason = range === null ? "no descending stretch below the pick to span a range" : null;
  return { window, suggestions, pick, range, reason };
}

// fastai `steep`: slope between neighbours against ln(lr); the left point of the steepest pair
function steepSlopes(s: number[], lr: ArrayLike<number>, first: number): Float64Array {
  const d = new Float64Array(Math.max(s.length - 1, 1)).fill(Infinity);
  for (let k = 0; k + 1 < s.length; k++) {
    d[k] = (s[k + 1] - s[k]) / (Math.log(lr[first + k + 1]) - Math.log(lr[first + k]));
  }
  return d;
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
