// The `sweep:` block of a spec: how the learning rate grows and when the test stops.

import { z } from "zod";

import { MIN_ITERATIONS } from "../suggest/window.js";

const positive = (what: string) =>
  z.number({ error: `${what} must be a number` }).positive({ error: `${what} must be > 0` });

export const sweepSchema = z
  .strictObject({
    start_lr: positive("start_lr").default(1e-7),
    end_lr: positive("end_lr").default(10),
    iterations: z
      .number()
      .int({ error: "iterations must be a whole number" })
      .min(MIN_ITERATIONS, {
        error: (i) =>
          `must be ≥ ${MIN_ITERATIONS} (got ${String(i.input)}): the suggestion rules skip ` +
          "the first 10 and last 5 points and need 5 more",
      })
      .max(100_000)
      .default(100),
    mode: z.enum(["exponential", "linear"]).default("exponential"),
    batch_size: z.number().int().min(1).max(65_536).default(32),
    smoothing: z
      .number()
      .min(0, { error: "smoothing must be in [0, 1)" })
      .lt(1, { error: "smoothing must be in [0, 1)" })
      .default(0.98),
    divergence: z
      .union([z.literal(false), z.number().gt(1, { error: "divergence must be > 1 or false" })])
      .default(4),
    accumulate: z.number().int().min(1).max(1024).default(1),
    loss: z.enum(["train", "validation"]).default("train"),
    repeats: z.number().int().min(1).max(64).default(1),
  })
  // only once both are valid rates, so one bad value gives one message
  .refine((s) => !(s.start_lr > 0 && s.end_lr > 0) || s.end_lr > s.start_lr, {
    error: "end_lr must be greater than start_lr",
    path: ["end_lr"],
  });

export type SweepConfig = z.infer<typeof sweepSchema>;
