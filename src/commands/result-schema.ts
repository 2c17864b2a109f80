// The JSON result of a range test, defined once in zod: the TypeScript types are inferred from
// it and `lr-find schema` prints the JSON Schema generated from it.

import { z } from "zod";

import type { ResolvedSpec } from "../spec/load-spec.js";
import { guardSchema } from "../suggest/guards.js";
import { repeatSummarySchema } from "../suggest/repeats.js";
import { lrRangeSchema, suggestionSchema, suggestionsSchema } from "../suggest/suggest.js";
import { sweepResultSchema } from "../sweep/types.js";

/** Bumped on any change to the shape of the JSON result that could break a reader. */
export const SCHEMA_VERSION = 1;

const columnSchema = z.object({
  name: z.string(),
  kind: z.enum(["numeric", "categorical", "excluded", "target"]),
  outputs: z.array(z.string()).describe("feature names it produced (one-hot gives several)"),
  missing: z.number().int(),
  note: z.string().optional(),
  mean: z.number().optional(),
  std: z.number().optional(),
});

export const dataSummarySchema = z.object({
  file: z.string(),
  task: z.enum(["classification", "regression"]),
  rows: z.number().int().describe("rows used: training plus validation"),
  train_rows: z.number().int(),
  validation_rows: z.number().int(),
  rows_read: z.number().int(),
  rows_dropped: z.number().int(),
  features: z.number().int().describe("model inputs after one-hot encoding"),
  feature_names: z.array(z.string()),
  target: z.string(),
  classes: z.array(z.string()).describe("class labels in index order; empty for regression"),
  delimiter: z.string(),
  header: z.boolean(),
  columns: z.array(columnSchema),
  target_mean: z.number().nullable().describe("regression: losses are in units of target_std"),
  target_std: z.number().nullable(),
});
export type DataSummary = z.infer<typeof dataSummarySchema>;

export const runResultSchema = sweepResultSchema.extend({
  repeat: z.number().int().describe("0-based repeat (seed variant) of this sweep"),
  window: z
    .object({ first: z.number().int(), last: z.number().int() })
    .nullable()
    .describe("steps the suggestion rules read"),
  suggestions: suggestionsSchema,
  pick: suggestionSchema.nullable(),
  range: lrRangeSchema.nullable(),
  reason: z.string().nullable().describe("why pick or range is null"),
});
export type RunResult = z.infer<typeof runResultSchema>;

export const rangeTestResultSchema = z.object({
  schema_version: z.literal(SCHEMA_VERSION),
  version: z.string(),
  spec_hash: z.string().describe("sha256 of the resolved spec without its seed"),
  spec: z
    .custom<ResolvedSpec & { seed: number }>()
    .describe("the resolved spec: defaults filled, paths absolute, the seed used"),
  data: dataSummarySchema,
  model: z.object({
    sizes: z.array(z.number().int()),
    activation: z.string(),
    loss: z.string(),
    parameters: z.number().int(),
  }),
  suggestion: z.object({ lr: z.number(), method: z.string() }).nullable(),
  range: lrRangeSchema.nullable(),
  reason: z.string().nullable(),
  runs: z.array(runResultSchema),
  repeats: z
    .array(repeatSummarySchema)
    .nullable()
    .describe("one per optimizer when sweep.repeats > 1"),
  warnings: z.array(guardSchema),
  timing: z
    .object({ seconds: z.number(), workers: z.number().int() })
    .optional()
    .describe("wall-clock facts, apart so the rest is byte-identical across runs"),
});
export type RangeTestResult = z.infer<typeof rangeTestResultSchema>;
