// The JSON of a grid run, a shard of one, or a merge of shards.

import { z } from "zod";

import { rangeTestResultSchema } from "../commands/result-schema.js";

/** Which variant a cell is: the grid's values for it. */
export const cellKeySchema = z.object({
  optimizer: z.string(),
  batch_size: z.number().int(),
  hidden: z.array(z.number().int()),
  seed: z.number().int(),
});

export const gridResultSchema = z.object({
  schema_version: z.literal(1),
  kind: z.literal("grid"),
  version: z.string(),
  spec_hash: z.string().describe("the same for every shard of one grid"),
  total_cells: z.number().int(),
  shard: z
    .object({ index: z.number().int(), count: z.number().int() })
    .nullable()
    .describe("which shard this is (1-based index), or null for a whole or merged grid"),
  cells: z.array(
    z.object({
      index: z.number().int().describe("position in the full grid, 0-based"),
      key: cellKeySchema,
      result: rangeTestResultSchema,
    }),
  ),
});
export type GridResult = z.infer<typeof gridResultSchema>;
