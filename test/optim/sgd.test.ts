import { describe, expect, it } from "vitest";
import { createSgd } from "../../src/optim/sgd.js";
import { configOf } from "./config-of.js";
import { expectMatchesGolden, goldenCases } from "./golden.js";

describe.each(goldenCases("SGD"))("SGD golden case $name", (c) => {
  it("matches PyTorch after every step in float64 (rtol 1e-12, atol 1e-13)", () => {
    expectMatchesGolden(c, "float64");
  });

  it("matches PyTorch after every step in float32 (rtol 1e-4, atol 1e-5)", () => {
    expectMatchesGolden(c, "float32");
  });
});

describe("createSgd", () => {
  it("moves each group by lr times its lrScale", () => {
    const config = configOf("sgd");
    const groups = [
      { name: "w", start: 0, end: 2, lrScale: 1 },
      { name: "b", start: 2, end: 4, lrScale: 0.25 },
    ];
    const params = new Float64Array([1, 1, 1, 1]);
    const grads = new Float64Array([2, -2, 2, -2]);

    createSgd(config, groups, 4, params).step(params, grads, 0.5);

    expect(Array.from(params)).toEqual([0, 2, 0.75, 1.25]);
  });

  it("copies the first gradient into the momentum buffer without dampening", () => {
    const config = configOf("sgd", { momentum: 0.5, dampening: 0.5 });
    const groups = [{ name: "p", start: 0, end: 1, lrScale: 1 }];
    const params = new Float64Array([0]);
    const grads = new Float64Array([1]);
    const sgd = createSgd(config, groups, 1, params);

    sgd.step(params, grads, 1); // buf = 1
    expect(params[0]).toBe(-1);
    sgd.step(params, grads, 1); // buf = 0.5 * 1 + 0.5 * 1 = 1
    expect(params[0]).toBe(-2);
  });
});
