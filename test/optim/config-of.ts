// Parse a config for one named optimizer, typed narrowly so tests can call its factory.

import {
  optimizerSchema,
  type OptimizerConfigOf,
  type OptimizerName,
} from "../../src/optim/schema.js";

/** The resolved config of optimizer `name` with `fields` set and PyTorch's defaults elsewhere. */
export function configOf<N extends OptimizerName>(
  name: N,
  fields: Record<string, unknown> = {},
): OptimizerConfigOf<N> {
  const config = optimizerSchema.parse({ ...fields, name });
  if (config.name !== name) throw new Error(`parsed ${config.name}, wanted ${name}`);
  return config as OptimizerConfigOf<N>;
}
