import { describe, expect, it } from "vitest";

import { linearScaledLr, scaleLrForBatch, sqrtScaledLr } from "../../src/schedule/batch-scaling.js";

describe("batch-size scaling of a found lr", () => {
  it("multiplies by B / b under the linear rule (Goyal et al. 2017)", () => {
    expect(linearScaledLr(0.01, 32, 256)).toBeCloseTo(0.08, 17);
    expect(linearScaledLr(0.08, 256, 32)).toBeCloseTo(0.01, 17);
  });

  it("multiplies by sqrt(B / b) under the square-root rule (Hoffer et al. 2017)", () => {
    expect(sqrtScaledLr(0.01, 32, 128)).toBeCloseTo(0.02, 17);
    expect(sqrtScaledLr(0.01, 64, 32)).toBeCloseTo(0.01 / Math.SQRT2, 17);
  });

  it("leaves the lr alone when the batch size does not change", () => {
    expect(linearScaledLr(0.0123, 48, 48)).toBe(0.0123);
    expect(sqrtScaledLr(0.0123, 48, 48)).toBe(0.0123);
  });

  it("picks the rule by name", () => {
    expect(scaleLrForBatch("linear", 0.01, 32, 64)).toBe(linearScaledLr(0.01, 32, 64));
    expect(scaleLrForBatch("sqrt", 0.01, 32, 64)).toBe(sqrtScaledLr(0.01, 32, 64));
  });

  it.each([
    ["a negative lr", () => linearScaledLr(-0.1, 32, 64), /lr finite and >= 0/],
    ["a batch of 0", () => sqrtScaledLr(0.1, 0, 64), /fromBatch an integer >= 1/],
    ["a fractional batch", () => linearScaledLr(0.1, 32, 64.5), /toBatch an integer >= 1/],
  ])("refuses %s", (_what, call, message) => {
    expect(call).toThrow(message);
  });
});
