// JSON Schemas of lr-find's results, generated from the zod schemas (never written by hand).

import { z } from "zod";

import { gridResultSchema } from "../grid/result.js";
import { rangeTestResultSchema } from "./result-schema.js";

/** The JSON Schema (draft 2020-12) of a result, generated from its zod schema. */
export function resultJsonSchema(grid = false): Record<string, unknown> {
  const source = grid ? gridResultSchema : rangeTestResultSchema;
  const schema = z.toJSONSchema(source, { unrepresentable: "any", io: "output" });
  const name = grid ? "grid" : "result";
  return { ...schema, title: `lr-find ${name}`, $id: `lr-find/${name}.schema.json` };
}
