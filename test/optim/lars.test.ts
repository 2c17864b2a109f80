import { describe, expect, it } from "vitest";
import { createLars } from "../../src/optim/lars.js";
import { configOf } from "./config-of.js";
import { expectMatchesGolden, goldenCases } from "./golden.js";

describe.each(goldenCases("LARS"))("LARS golden case $name", (c) => {
  it("matches the reference after every step in float64 (rtol 1e-12, atol 1e-13)", () => {
    expectMatchesGolden(c, "float64");
  });

  it("matches the reference after every step in float32 (rtol 1e-4, atol 1e-5)", () => {
    expectMatchesGolden(c, "float32");
  });
});

describe("createLars", () => {
  const config = configOf("lars", { weight_decay: 0, trust_coefficient: 0.01 });
  const groups = [{ name: "p", start: 0, end: 2, lrScale: 1 }];

  it.each([
    { what: "zero weights", w: [0, 0], g: [1, -2] },
    { what: "zero gradients", w: [1, -2], g: [0, 0] },
    { what: "zero weights and gradients", w: [0, 0], g: [0, 0] },
  ])("takes a plain momentum step (local_lr = 1) for $what, without NaN", ({ w, g }) => {
    const params = new Float64Array(w);
    const grads = new Float64Array(g);

    createLars(config, groups, 2, params).step(params, grads, 0.5);

    expect(params.every(Number.isFinite)).toBe(true);
    expect(Array.from(params)).toEqual([w[0] - 0.5 * g[0], w[1] - 0.5 * g[1]]);
  });

  it("computes the trust ratio of each group from that group's norms only", () => {
    const two = [
      { name: "a", start: 0, end: 1, lrScale: 1 },
      { name: "b", start: 1, end: 2, lrScale: 1 },
    ];
    const params = new Float64Array([3, 100]);
    const grads = new Float64Array([1, 1]);

    createLars(config, two, 2, params).step(params, grads, 1);

    // local_lr = 0.01 * |w| / |g| per group, so each group moves by 1% of its own weight
    expect(params[0]).toBeCloseTo(3 - 0.03, 15);
    expect(params[1]).toBeCloseTo(100 - 1, 13);
  });
});
