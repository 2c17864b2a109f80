// The `train:` and `verify:` blocks: a real training run with the found rate, and a check of it.

import { z } from "zod";

export const trainSchema = z.strictObject({
  epochs: z.number().int().min(1).max(100_000).default(20),
  batch_size: z.number().int().min(1).max(65_536).default(32),
  /** Constant learning rate when there is no schedule: block; else the schedule's rates rule. */
  lr: z.number().positive({ error: "lr must be > 0" }).optional(),
  /** Stop after this many epochs without a validation-loss improvement; absent: never. */
  patience: z.number().int().min(1).optional(),
  /** An improvement must beat the best validation loss by more than this. */
  min_delta: z.number().min(0).default(0),
});

export const verifySchema = z.strictObject({
  epochs: z.number().int().min(1).max(10_000).default(5),
  /** Multiples of the suggested lr to train at, side by side. */
  factors: z.array(z.number().positive()).min(1).max(8).default([0.1, 1, 10]),
});

export type TrainConfig = z.output<typeof trainSchema>;
export type VerifyConfig = z.output<typeof verifySchema>;
