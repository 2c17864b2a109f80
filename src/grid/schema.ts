// The `grid:` block of a spec: the variants a grid run sweeps.

import { z } from "zod";

import { seedSchema } from "../spec/seed.js";

import { optimizerInputSchema } from "../optim/schema.js";

export const gridSchema = z.strictObject({
  optimizer: z.array(optimizerInputSchema).min(1).optional(),
  batch_size: z.array(z.number().int().min(1).max(65_536)).min(1).optional(),
  hidden: z
    .array(z.array(z.number().int().min(1).max(65_536)).max(32))
    .min(1)
    .optional(),
  seed: z.array(seedSchema).min(1).optional(),
});
export type GridConfig = z.output<typeof gridSchema>;
