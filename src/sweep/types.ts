// What one range-test sweep records. The zod schemas are the single definition: the types
// are inferred from them, and the JSON Schema of the output is generated from them.

import { z } from "zod";

import { guardSchema } from "../suggest/guards.js";

/** Why a sweep ended; "diverged" only when the divergence rule really fired. */
export const stopReasonSchema = z.enum(["completed", "diverged", "non_finite", "interrupted"]);
export type StopReason = z.infer<typeof stopReasonSchema>;

export const stopInfoSchema = z.object({
  reason: stopReasonSchema,
  step: z.number().int().describe("the last recorded step (0-based)"),
  lr: z.number(),
  loss: z.number().nullable().describe("raw loss at that step; null when it was not finite"),
  best: z.number().nullable().describe("best smoothed loss seen before the stop"),
  message: z.string(),
});
export type StopInfo = z.infer<typeof stopInfoSchema>;

/** One recorded step: the lr its update used and the loss of its batch before that update. */
export const sweepPointSchema = z.object({
  step: z.number().int(),
  lr: z.number().describe("the learning rate this step's update used"),
  loss: z.number().nullable().describe("raw batch loss before the update; null if not finite"),
  smoothed_loss: z.number().nullable().describe("causal EMA with bias correction"),
  lagfree_loss: z
    .number()
    .nullable()
    .optional()
    .describe("the centred smoothing the suggestions read; null past the usable points"),
  val_loss: z.number().nullable().optional().describe("validation loss (sweep.loss: validation)"),
});
export type SweepPoint = z.infer<typeof sweepPointSchema>;

export const sweepResultSchema = z.object({
  optimizer: z.string(),
  seed: z.number().int(),
  points: z.array(sweepPointSchema),
  stop: stopInfoSchema,
  divergence_step: z
    .number()
    .int()
    .nullable()
    .describe("step at which the divergence rule fired (also when stopping is off)"),
  usable: z.number().int().describe("points usable for suggestions: finite, not past divergence"),
  batches_per_epoch: z.number().int(),
  epochs: z.number(),
  warnings: z.array(guardSchema),
});
export type SweepResult = z.infer<typeof sweepResultSchema>;
