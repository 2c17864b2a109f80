// One entry point so the sweep can build whichever optimizer the spec names.

import { createAdagrad } from "./adagrad.js";
import { createAdam } from "./adam.js";
import { createLars } from "./lars.js";
import { createRmsprop } from "./rmsprop.js";
import type { OptimizerConfig } from "./schema.js";
import { createSgd } from "./sgd.js";
import type { FloatArray, Optimizer, ParamGroup } from "./types.js";

/**
 * Build the optimizer a resolved spec asks for, with state buffers of `size` elements typed
 * like `like`. Clipping and layer_lr are not applied here: the sweep clips the gradients and
 * the spec layer turns layer_lr into each group's lrScale.
 */
export function createOptimizer(
  config: OptimizerConfig,
  groups: ParamGroup[],
  size: number,
  like: FloatArray,
): Optimizer {
  switch (config.name) {
    case "sgd":
      return createSgd(config, groups, size, like);
    case "adagrad":
      return createAdagrad(config, groups, size, like);
    case "rmsprop":
      return createRmsprop(config, groups, size, like);
    case "adam":
    case "adamw":
      return createAdam(config, groups, size, like);
    case "lars":
      return createLars(config, groups, size, like);
  }
}
