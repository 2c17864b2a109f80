// Several sweeps of one optimizer with different seeds: how much the suggestion moves.

import { z } from "zod";

import { guardSchema, type Guard } from "./guards.js";
import {
  lrRangeSchema,
  SUGGEST_METHODS,
  type LrRange,
  type SuggestMethod,
  type Suggestion,
} from "./suggest.js";

/** Spreads above this many decades make the suggestion unstable. */
export const UNSTABLE_DECADES = 0.5;

/** One rule's answers across repeats, summarised in log10 space. */
export const methodSpreadSchema = z.object({
  count: z.number().int(),
  median: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  spread_decades: z.number().nullable().describe("log10(max / min)"),
  iqr_decades: z.number().nullable().describe("interquartile range of log10(lr)"),
});
export type MethodSpread = z.infer<typeof methodSpreadSchema>;

/** The per-step median and min–max band of the lag-free curve across repeats. */
export const bandSchema = z.object({
  lr: z.array(z.number()),
  median: z.array(z.number().nullable()),
  min: z.array(z.number().nullable()),
  max: z.array(z.number().nullable()),
});
export type Band = z.infer<typeof bandSchema>;

export const repeatSummarySchema = z.object({
  optimizer: z.string(),
  seeds: z.array(z.number().int()),
  methods: z.object(
    Object.fromEntries(SUGGEST_METHODS.map((m) => [m, methodSpreadSchema])) as Record<
      SuggestMethod,
      typeof methodSpreadSchema
    >,
  ),
  suggestion: z.object({ lr: z.number(), method: z.enum(SUGGEST_METHODS) }).nullable(),
  range: lrRangeSchema.nullable(),
  band: bandSchema,
  guards: z.array(guardSchema),
});
export type RepeatSummary = z.infer<typeof repeatSummarySchema>;

/** What summariseRepeats needs of each run. */
export interface RepeatRun {
  seed: number;
  suggestions: Record<SuggestMethod, Suggestion | null>;
  range: LrRange | null;
  points: { lr: number; lagfree_loss?: number | null }[];
}

/** Median suggestion per rule with its spread, the median curve and its band. */
export function summariseRepeats(optimizer: string, runs: RepeatRun[], method: SuggestMethod) {
  const methods = Object.fromEntries(
    SUGGEST_METHODS.map((m) => [m, spreadOf(runs.map((r) => r.suggestions[m]?.lr ?? null))]),
  ) as Record<SuggestMethod, MethodSpread>;

  const chosen = methods[method];
  const guards: Guard[] = [];
  if (chosen.spread_decades !== null && chosen.spread_decades > UNSTABLE_DECADES) {
    guards.push({
      code: "unstable_suggestion",
      message:
        `${optimizer}: the ${method} suggestion spreads over ` +
        `${chosen.spread_decades.toFixed(2)} decades across ${runs.length} seeds; ` +
        "trust the median, or use more data or a larger batch",
    });
  }

  const mins = runs.flatMap((r) => (r.range ? [r.range.min] : []));
  const maxs = runs.flatMap((r) => (r.range ? [r.range.max] : []));
  const lo = logMedian(mins);
  const hi = logMedian(maxs);
  const range =
    lo !== null && hi !== null && lo < hi
      ? { min: lo, max: hi, rule: `median over ${mins.length} seeds of each seed's range` }
      : null;

  const summary: RepeatSummary = {
    optimizer,
    seeds: runs.map((r) => r.seed),
    methods,
    suggestion: chosen.median === null ? null : { lr: chosen.median, method },
    range,
    band: bandOf(runs),
    guards,
  };
  return summary;
}

function spreadOf(values: (number | null)[]): MethodSpread {
  const logs = values.filter((v): v is number => v !== null && v > 0).map(Math.log10);
  if (logs.length === 0) {
    return {
      count: 0,
      median: null,
      min: null,
      max: null,
      spread_decades: null,
      iqr_decades: null,
    };
  }
  const sorted = [...logs].sort((a, b) => a - b);
  const at = (q: number) => quantile(sorted, q);
  return {
    count: logs.length,
    median: 10 ** at(0.5),
    min: 10 ** sorted[0],
    max: 10 ** sorted[sorted.length - 1],
    spread_decades: sorted[sorted.length - 1] - sorted[0],
    iqr_decades: at(0.75) - at(0.25),
  };
}

// linear interpolation between order statistics (numpy's default "linear" method)
function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function logMedian(values: number[]): number | null {
  if (values.length === 0) return null;
  return (
    10 **
    quantile(
      values.map(Math.log10).sort((a, b) => a - b),
      0.5,
    )
  );
}

function bandOf(runs: RepeatRun[]): Band {
  const steps = Math.max(...runs.map((r) => r.points.length));
  const band: Band = { lr: [], median: [], min: [], max: [] };

  for (let i = 0; i < steps; i++) {
    const values = runs
      .flatMap((r) => {
        const v = r.points[i]?.lagfree_loss;
        return v === null || v === undefined ? [] : [v];
      })
      .sort((a, b) => a - b);
    const lr = runs.find((r) => r.points[i])?.points[i].lr ?? NaN;
    band.lr.push(lr);
    band.median.push(values.length ? quantile(values, 0.5) : null);
    band.min.push(values.length ? values[0] : null);
    band.max.push(values.length ? values[values.length - 1] : null);
  }
  return band;
}
