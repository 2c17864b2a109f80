import { describe, expect, it } from "vitest";
import { createAdagrad } from "../../src/optim/adagrad.js";
import { configOf } from "./config-of.js";
import { expectMatchesGolden, goldenCases } from "./golden.js";

describe.each(goldenCases("Adagrad"))("Adagrad golden case $name", (c) => {
  it("matches PyTorch after every step in float64 (rtol 1e-12, atol 1e-13)", () => {
    expectMatchesGolden(c, "float64");
  });

  it("matches PyTorch after every step in float32 (rtol 1e-4, atol 1e-5)", () => {
    expectMatchesGolden(c, "float32");
  });
});

describe("createAdagrad", () => {
  it("starts the squared-gradient sum at initial_accumulator_value", () => {
    const config = configOf("adagrad", { initial_accumulator_value: 3, eps: 1e-30 });
    const groups = [{ name: "p", start: 0, end: 1, lrScale: 1 }];
    const params = new Float64Array([0]);
    const grads = new Float64Array([1]);

    createAdagrad(config, groups, 1, params).step(params, grads, 1);

    // sum = 3 + 1 = 4, so the step is 1 * 1 / sqrt(4)
    expect(params[0]).toBe(-0.5);
  });
});
