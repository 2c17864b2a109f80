import { describe, expect, it } from "vitest";
import { createAdam } from "../../src/optim/adam.js";
import { configOf } from "./config-of.js";
import { expectMatchesGolden, goldenCases } from "./golden.js";

const adamCases = [...goldenCases("Adam"), ...goldenCases("AdamW")];

describe.each(adamCases)("Adam/AdamW golden case $name", (c) => {
  it("matches PyTorch after every step in float64 (rtol 1e-12, atol 1e-13)", () => {
    expectMatchesGolden(c, "float64");
  });

  it("matches PyTorch after every step in float32 (rtol 1e-4, atol 1e-5)", () => {
    expectMatchesGolden(c, "float32");
  });
});

const oneGroup = [{ name: "p", start: 0, end: 1, lrScale: 1 }];

describe("createAdam", () => {
  it("decays a weight with zero gradient by exactly (1 - lr * weight_decay) under AdamW", () => {
    const config = configOf("adamw", { weight_decay: 0.2 });
    const params = new Float64Array([0.5]);
    const grads = new Float64Array([0]);

    createAdam(config, oneGroup, 1, params).step(params, grads, 0.1);

    expect(params[0]).toBe(0.5 * (1 - 0.1 * 0.2));
    expect(params[0]).toBeCloseTo(0.49, 15);
  });

  it("gives different weights for coupled (adam) and decoupled (adamw) decay", () => {
    const run = (name: "adam" | "adamw") => {
      const config = configOf(name, { weight_decay: 0.1 });
      const params = new Float64Array([0.5]);
      const adam = createAdam(config, oneGroup, 1, params);
      for (const g of [0.3, -0.1, 0.2]) adam.step(params, new Float64Array([g]), 0.01);
      return params[0];
    };

    expect(Math.abs(run("adam") - run("adamw"))).toBeGreaterThan(1e-5);
  });

  it("leaves a weight with zero gradient alone under Adam without weight decay", () => {
    const config = configOf("adam");
    const params = new Float64Array([0.5]);

    createAdam(config, oneGroup, 1, params).step(params, new Float64Array([0]), 0.1);

    expect(params[0]).toBe(0.5);
  });
});
