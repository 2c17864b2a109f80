// The suggestion rules applied to one smoothed curve over the window.

import { argmin, gradientUnit } from "./gradient.js";
import { valley, type Valley } from "./valley.js";

/** The four rules; each has an `_ema` twin read off the causal EMA, for parity with fastai. */
export const RULES = ["valley", "steep", "minimum", "steepest"] as const;
export type Rule = (typeof RULES)[number];

/** What the rules found in window coordinates (k = 0 is the window's first point). */
export interface RuleHits {
  /** Window index each rule chose, or null when the loss never fell. */
  index: Record<Rule, number | null>;
  /** Multiplier on the chosen point's lr (minimum suggests lr/10). */
  scale: Record<Rule, number>;
  valley: Valley;
  minK: number;
}

/**
 * Apply every rule to s (the window of one smoothed curve) with lr the window's rates.
 * valley: fastai 2.x; steep: fastai's slope against ln(lr); minimum: lr at the minimum / 10;
 * steepest: pytorch-lr-finder's numpy.gradient argmin.
 */
export function applyRules(s: ArrayLike<number>, lr: ArrayLike<number>): RuleHits {
  const v = valley(s);
  const minK = argmin(s);
  const fell = minK > 0;

  return {
    index: {
      valley: v.length >= 2 ? v.index : null,
      steep: fell ? argmin(steepSlopes(s, lr)) : null,
      minimum: fell ? minK : null,
      steepest: fell ? argmin(gradientUnit(s)) : null,
    },
    scale: { valley: 1, steep: 1, minimum: 0.1, steepest: 1 },
    valley: v,
    minK,
  };
}

// slope between neighbours against ln(lr); the left point of the steepest pair wins
function steepSlopes(s: ArrayLike<number>, lr: ArrayLike<number>): Float64Array {
  const d = new Float64Array(Math.max(s.length - 1, 1)).fill(Infinity);
  for (let k = 0; k + 1 < s.length; k++) {
    d[k] = (s[k + 1] - s[k]) / (Math.log(lr[k + 1]) - Math.log(lr[k]));
  }
  return d;
}
