// The experiment spec: one zod schema, composed from each concept's own block.

import { z } from "zod";

import { seedSchema } from "./seed.js";

import { expectSchema } from "../check/schema.js";
import { dataSchema } from "../data/schema.js";
import { gridSchema } from "../grid/schema.js";
import { ACTIVATIONS } from "../model/activation.js";
import { optimizerInputSchema } from "../optim/schema.js";
import { scheduleSchema } from "../schedule/schema.js";
import { SUGGEST_METHODS } from "../suggest/suggest.js";
import { sweepSchema } from "../sweep/schema.js";
import { trainSchema, verifySchema } from "../train/schema.js";

export const modelSchema = z.strictObject({
  hidden: z
    .array(z.number().int().min(1, { error: "layer widths must be ≥ 1" }).max(65_536))
    .max(32)
    .default([64]),
  activation: z.enum(ACTIVATIONS).default("relu"),
  /** Optional JSON file of initial weights; relative to the spec file. */
  weights: z.string().min(1).optional(),
});

export const suggestSchema = z.strictObject({
  method: z.enum(SUGGEST_METHODS).default("valley"),
});

export const specSchema = z.strictObject({
  data: dataSchema,
  model: modelSchema.prefault({}),
  // one optimizer or a list to compare; always a list after parsing (see load-spec for paths)
  optimizer: z
    .preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(optimizerInputSchema).min(1).max(16))
    .prefault("sgd"),
  sweep: sweepSchema.prefault({}),
  suggest: suggestSchema.prefault({}),
  seed: seedSchema.optional(),
  schedule: scheduleSchema.optional(),
  expect: expectSchema.optional(),
  grid: gridSchema.optional(),
  train: trainSchema.prefault({}),
  verify: verifySchema.prefault({}),
});

export type SpecInput = z.input<typeof specSchema>;
export type Spec = z.output<typeof specSchema>;
export type ModelConfig = z.output<typeof modelSchema>;
