import { describe, expect, it } from "vitest";
import {
  isNearConstant,
  populationScale,
  standardizeInPlace,
} from "../../src/data/standardize.js";

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe("populationScale", () => {
  it("matches numpy's x.std() (ddof = 0), not the sample std", () => {
    // numpy: np.array([2, 4, 4, 4, 5, 5, 7, 9]).std() == 2.0 (sample std is 2.138)
    const scale = populationScale(Float64Array.from([2, 4, 4, 4, 5, 5, 7, 9]), all(8));
    expect(scale).toEqual({ mean: 5, std: 2 });
  });

  it("uses only the given rows", () => {
    const values = Float64Array.from([1, 3, 100, -50]);
    expect(populationScale(values, Int32Array.from([0, 1]))).toEqual({ mean: 2, std: 1 });
  });

  it("stays finite for values whose squares overflow a double", () => {
    const scale = populationScale(Float64Array.from([-1e200, 1e200]), all(2));
    expect(scale.mean).toBe(0);
    expect(scale.std).toBeCloseTo(1e200, -190);
  });
});

describe("isNearConstant", () => {
  it("catches ten copies of 0.1, whose float64 std is about 1.4e-17, not 0", () => {
    const scale = populationScale(new Float64Array(10).fill(0.1), all(10));
    expect(isNearConstant(scale)).toBe(true);
  });

  it.each([
    [{ mean: 0, std: 0 }, true],
    [{ mean: 1e6, std: 0.05 }, true],
    [{ mean: 1e6, std: 1 }, false],
    [{ mean: 0, std: 1e-6 }, false],
    [{ mean: 0, std: 1e-8 }, true],
  ])("uses a tolerance relative to max(|mean|, 1): %o", (scale, constant) => {
    expect(isNearConstant(scale)).toBe(constant);
  });
});

describe("standardizeInPlace", () => {
  it("maps values to z-scores", () => {
    const values = Float64Array.from([3, 5, 7]);
    standardizeInPlace(values, { mean: 5, std: 2 });
    expect(Array.from(values)).toEqual([-1, 0, 1]);
  });
});
