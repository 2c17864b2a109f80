// Public surface of src/optim: the schema, the factory, the update rules and clipping.

export { clipGradNorm, clipGradValue } from "./clip.js";
export { createOptimizer } from "./create-optimizer.js";
export { adamwDecayNonPositive } from "./decay-warning.js";
export { createAdagrad } from "./adagrad.js";
export { createAdam } from "./adam.js";
export { createLars } from "./lars.js";
export { createRmsprop } from "./rmsprop.js";
export { createSgd } from "./sgd.js";
export {
  OPTIMIZER_NAMES,
  optimizerInputSchema,
  optimizerSchema,
  type OptimizerConfig,
  type OptimizerConfigOf,
  type OptimizerInput,
  type OptimizerName,
} from "./schema.js";
export { zerosLike } from "./state-buffer.js";
export type { FloatArray, Optimizer, ParamGroup } from "./types.js";
