import { describe, expect, it } from "vitest";
import { createOptimizer } from "../../src/optim/create-optimizer.js";
import { OPTIMIZER_NAMES, optimizerInputSchema, optimizerSchema } from "../../src/optim/schema.js";
import { GOLDEN_CASES, configFromGolden } from "./golden.js";

const grads = [
  [0.3, -1.2, 0.05, 2.0],
  [-0.7, 0.4, 0.9, -0.1],
  [0.2, 0.2, -1.5, 0.6],
];

function run(name: string, lr: number, lrScale: number, start = 0): Float64Array {
  const config = optimizerSchema.parse({ name });
  const params = new Float64Array([0.5, -1, 2, 0.25]);
  const groups = [{ name: "g", start, end: 4, lrScale }];
  const optimizer = createOptimizer(config, groups, 4, params);
  for (const g of grads) optimizer.step(params, Float64Array.from(g), lr);
  return params;
}

describe("createOptimizer", () => {
  it.each(OPTIMIZER_NAMES)("builds %s with defaults from its name", (name) => {
    const config = optimizerInputSchema.parse(name);
    const optimizer = createOptimizer(config, [], 1, new Float32Array(1));

    expect(optimizer.name).toBe(name);
  });

  it.each(OPTIMIZER_NAMES)("treats an lrScale of 0.5 exactly like half the lr (%s)", (name) => {
    expect(Array.from(run(name, 0.1, 0.5))).toEqual(Array.from(run(name, 0.05, 1)));
    expect(Array.from(run(name, 0.1, 0.5))).not.toEqual(Array.from(run(name, 0.1, 1)));
  });

  it.each(OPTIMIZER_NAMES)("leaves parameters outside every group untouched (%s)", (name) => {
    const params = run(name, 0.1, 1, 2);

    expect(Array.from(params.subarray(0, 2))).toEqual([0.5, -1]);
  });

  it("keeps float32 parameters float32 and finite", () => {
    const config = optimizerSchema.parse({ name: "adam" });
    const params = new Float32Array([0.5, -1]);
    const groups = [{ name: "g", start: 0, end: 2, lrScale: 1 }];
    const optimizer = createOptimizer(config, groups, 2, params);

    optimizer.step(params, new Float32Array([0.1, -0.2]), 0.01);

    expect(params).toBeInstanceOf(Float32Array);
    expect(params.every(Number.isFinite)).toBe(true);
  });
});

describe("the golden optimizer file", () => {
  it("holds 17 cases, each of which maps onto a valid config", () => {
    expect(GOLDEN_CASES).toHaveLength(17);
    for (const c of GOLDEN_CASES) expect(() => configFromGolden(c)).not.toThrow();
  });
});
