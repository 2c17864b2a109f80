import { describe, expect, it } from "vitest";
import { createRmsprop } from "../../src/optim/rmsprop.js";
import { configOf } from "./config-of.js";
import { expectMatchesGolden, goldenCases } from "./golden.js";

describe.each(goldenCases("RMSprop"))("RMSprop golden case $name", (c) => {
  it("matches PyTorch after every step in float64 (rtol 1e-12, atol 1e-13)", () => {
    expectMatchesGolden(c, "float64");
  });

  it("matches PyTorch after every step in float32 (rtol 1e-4, atol 1e-5)", () => {
    expectMatchesGolden(c, "float32");
  });
});

describe("createRmsprop", () => {
  it("adds eps outside the square root", () => {
    const config = configOf("rmsprop", { alpha: 0, eps: 1 });
    const groups = [{ name: "p", start: 0, end: 1, lrScale: 1 }];
    const params = new Float64Array([0]);
    const grads = new Float64Array([3]);

    createRmsprop(config, groups, 1, params).step(params, grads, 1);

    // alpha 0: square_avg = 9, avg = sqrt(9) + 1 = 4 (inside the root it would be sqrt(10))
    expect(params[0]).toBe(-0.75);
  });
});
