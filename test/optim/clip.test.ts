import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clipGradNorm, clipGradValue } from "../../src/optim/clip.js";

describe("clipGradNorm", () => {
  it("scales a (3, 4, 0, 12) gradient of norm 13 down to norm 6.5 and returns 13", () => {
    const grads = new Float64Array([3, 4, 0, 12]);

    const norm = clipGradNorm(grads, 6.5);

    // coef = 6.5 / (13 + 1e-6), exactly as torch.nn.utils.clip_grad_norm_
    const coef = 6.5 / (13 + 1e-6);
    expect(norm).toBe(13);
    expect(Array.from(grads)).toEqual([3 * coef, 4 * coef, 0, 12 * coef]);
  });

  it("leaves gradients whose norm is below the limit untouched", () => {
    const grads = new Float64Array([0.3, -0.4]);

    expect(clipGradNorm(grads, 1)).toBeCloseTo(0.5, 15);
    expect(Array.from(grads)).toEqual([0.3, -0.4]);
  });

  it("leaves the norm at most maxNorm for any gradient", () => {
    const vector = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 });
    const limit = fc.double({ min: 1e-3, max: 1e3, noNaN: true });

    fc.assert(
      fc.property(vector, limit, (values, maxNorm) => {
        const grads = Float64Array.from(values);
        clipGradNorm(grads, maxNorm);
        const after = Math.hypot(...grads);
        return after <= maxNorm * (1 + 1e-12);
      }),
    );
  });
});

describe("clipGradValue", () => {
  it("clamps every element into [-clip, clip] and keeps NaN as NaN", () => {
    const grads = new Float64Array([-5, -0.5, 0, 0.5, 5, NaN]);

    clipGradValue(grads, 1);

    expect(Array.from(grads)).toEqual([-1, -0.5, 0, 0.5, 1, NaN]);
  });
});
