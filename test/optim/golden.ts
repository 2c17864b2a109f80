// The PyTorch reference for the update rules (test/golden/optimizers.json, copied from the
// shared golden folder) and a replay of one case through our optimizer, step by step.

import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { z } from "zod";
import { createOptimizer } from "../../src/optim/create-optimizer.js";
import { optimizerSchema, type OptimizerConfig } from "../../src/optim/schema.js";
import type { ParamGroup } from "../../src/optim/types.js";

/** Tolerances from the golden README: |actual - expected| <= atol + rtol * |expected|. */
export const FLOAT64_TOLERANCE = { rtol: 1e-12, atol: 1e-13 };
export const FLOAT32_TOLERANCE = { rtol: 1e-4, atol: 1e-5 };

const goldenCaseSchema = z.object({
  name: z.string(),
  optimizer: z.enum(["SGD", "Adagrad", "RMSprop", "Adam", "AdamW", "LARS"]),
  hyperparameters: z.record(z.string(), z.unknown()),
  layers: z.array(z.tuple([z.number(), z.number()])).optional(),
  initial_params: z.array(z.number()), // (P,)
  gradients: z.array(z.array(z.number())), // (T, P), T steps
  params_after_step: z.array(z.array(z.number())), // (T, P), row k after step k + 1
});

export type GoldenCase = z.infer<typeof goldenCaseSchema>;
export type TorchClass = GoldenCase["optimizer"];

const goldenPath = new URL("../golden/optimizers.json", import.meta.url);
const goldenFile = z.object({ cases: z.array(goldenCaseSchema) });

/** Every case in the golden file, parsed. */
export const GOLDEN_CASES: GoldenCase[] = goldenFile.parse(
  JSON.parse(readFileSync(goldenPath, "utf8")),
).cases;

/** The cases computed with one PyTorch class (or the plain-Python LARS). */
export function goldenCases(torchClass: TorchClass): GoldenCase[] {
  return GOLDEN_CASES.filter((c) => c.optimizer === torchClass);
}

// PyTorch flags that lr-find does not offer; the golden cases must leave them at their no-op.
const TORCH_ONLY_FLAGS: Record<string, unknown> = {
  maximize: false,
  foreach: null,
  differentiable: false,
  capturable: false,
  fused: false,
};

/** Map PyTorch's hyperparameter names onto our config (lr goes to step(), not the config). */
export function configFromGolden(c: GoldenCase): { lr: number; config: OptimizerConfig } {
  const { lr, ...rest } = c.hyperparameters;
  const fields: Record<string, unknown> = {};

  for (const [key, value] of Object.entries(rest)) {
    if (!(key in TORCH_ONLY_FLAGS)) fields[key] = value;
    else if (value !== TORCH_ONLY_FLAGS[key]) throw new Error(`${c.name}: ${key} = ${value}`);
  }

  const config = optimizerSchema.parse({ name: c.optimizer.toLowerCase(), ...fields });
  return { lr: z.number().parse(lr), config };
}

function groupsFromGolden(c: GoldenCase): ParamGroup[] {
  const layers = c.layers ?? [[0, c.initial_params.length]];
  return layers.map(([start, end], l) => ({ name: `layer${l}`, start, end, lrScale: 1 }));
}

/** The outcome of a replay: the largest absolute difference and the first violation, if any. */
export interface ReplayResult {
  maxDiff: number;
  failure: string | null;
}

/** Run every step of a case in the given precision and compare each step with PyTorch. */
export function replayGolden(
  c: GoldenCase,
  Type: typeof Float32Array | typeof Float64Array,
  tolerance: { rtol: number; atol: number },
): ReplayResult {
  const { lr, config } = configFromGolden(c);
  const size = c.initial_params.length;
  const params = Type.from(c.initial_params); // (P,)
  const grads = new Type(size); // (P,)
  const optimizer = createOptimizer(config, groupsFromGolden(c), size, params);

  let maxDiff = 0;
  let failure: string | null = null;
  for (let k = 0; k < c.gradients.length; k++) {
    grads.set(c.gradients[k]);
    optimizer.step(params, grads, lr);

    const want = c.params_after_step[k];
    for (let i = 0; i < size; i++) {
      const diff = Math.abs(params[i] - want[i]);
      maxDiff = Math.max(maxDiff, diff);
      const allowed = tolerance.atol + tolerance.rtol * Math.abs(want[i]);
      if (failure === null && !(diff <= allowed)) {
        failure =
          `step ${k + 1}, element ${i}: got ${params[i]}, want ${want[i]}, ` +
          `|diff| ${diff.toExponential(3)} > ${allowed.toExponential(3)}`;
      }
    }
  }

  return { maxDiff, failure };
}

export type Precision = "float64" | "float32";

/** Replay a case in one precision and fail with the first violation and the largest diff. */
export function expectMatchesGolden(c: GoldenCase, precision: Precision): ReplayResult {
  const result =
    precision === "float64"
      ? replayGolden(c, Float64Array, FLOAT64_TOLERANCE)
      : replayGolden(c, Float32Array, FLOAT32_TOLERANCE);

  const steps = c.gradients.length;
  const largest = `largest |diff| over ${steps} steps: ${result.maxDiff.toExponential(3)}`;
  expect(result.failure, `${c.name} in ${precision}: ${result.failure}; ${largest}`).toBeNull();
  return result;
}
