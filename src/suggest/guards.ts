// Guard rails: named warnings about a curve whose suggestion should not be taken blindly.

import { z } from "zod";

/** A named warning; `code` is stable for scripts, `message` is for people. */
export const guardSchema = z.object({ code: z.string(), message: z.string() });
export type Guard = z.infer<typeof guardSchema>;

/** Below this total relative change over the window the curve counts as flat. */
export const FLAT_THRESHOLD = 0.02;
/** Suggestions further apart than this many decades "disagree". */
export const DISAGREE_DECADES = 1;
/** A raw loss this many times the recent median is a spike. */
export const SPIKE_FACTOR = 10;

/** Relative change (max − min) / |max| of a window; 0 for an empty one. */
export function relativeChange(s: ArrayLike<number>): number {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < s.length; k++) {
    min = Math.min(min, s[k]);
    max = Math.max(max, s[k]);
  }
  return s.length === 0 || max === 0 ? 0 : (max - min) / Math.abs(max);
}

/** Warn when the pick is within one point of either end of the window. */
export function pickAtEdge(index: number, first: number, last: number): Guard | null {
  if (index > first + 1 && index < last - 1) return null;
  const side = index <= first + 1 ? "low" : "high";
  const fix = side === "low" ? "lower start_lr" : "raise end_lr (or turn the divergence stop off)";
  return {
    code: "pick_at_edge",
    message: `the pick sits at the ${side} edge of the usable range: ${fix} to see both sides`,
  };
}

/** Warn when the rules' answers span more than DISAGREE_DECADES decades. */
export function methodsDisagree(picks: { method: string; lr: number }[]): Guard | null {
  if (picks.length < 2) return null;
  const lrs = picks.map((p) => p.lr);
  const spread = Math.log10(Math.max(...lrs) / Math.min(...lrs));
  if (spread <= DISAGREE_DECADES) return null;
  const list = picks.map((p) => `${p.method} ${Number(p.lr.toPrecision(3))}`).join(", ");
  return {
    code: "methods_disagree",
    message: `the rules disagree by ${spread.toFixed(1)} decades (${list}); read the chart`,
  };
}

/** Warn when the divergence stop was set off by one outlying batch rather than a trend. */
export function singleBatchSpike(raw: ArrayLike<number | null>, step: number): Guard | null {
  if (step < 6) return null;
  const before: number[] = [];
  for (let k = Math.max(0, step - 10); k < step; k++) {
    const v = raw[k];
    if (v !== null) before.push(v);
  }
  if (before.length < 5) return null;

  const sorted = [...before].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const at = raw[step];
  const prev = raw[step - 1];
  if (at === null || prev === null) return null;
  if (!(at > SPIKE_FACTOR * median && prev < 2 * median)) return null;
  return {
    code: "single_batch_spike",
    message:
      `the divergence stop came from one batch at step ${step} (loss ` +
      `${Number(at.toPrecision(3))} vs a recent median of ${Number(median.toPrecision(3))}); ` +
      "the curve may still have been falling: try a larger batch or divergence: false",
  };
}

/** Warn when the sweep reused the data: later steps see batches seen before. */
export function sweepLongerThanData(epochs: number): Guard | null {
  if (!(epochs > 1)) return null;
  return {
    code: "sweep_longer_than_data",
    message:
      `the sweep spans ≈${Number(epochs.toPrecision(3))} epochs of the training rows, so ` +
      "later steps revisit data; losses there are optimistic",
  };
}
