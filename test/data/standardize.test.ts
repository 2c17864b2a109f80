import { describe, expect, it } from "vitest";
import {
  ColumnScale,
  isNearConstant,
  standardizeColumn,
  storageFor,
  type Scale,
} from "../../src/data/standardize.js";

/** Storage from all `values` (as the first pass sees them); the scale of those at `rows`. */
function scaleOf(values: number[], rows = values.map((_, i) => i)): Scale {
  const middle = [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];
  const storage = storageFor(Math.min(...values), Math.max(...values), middle);
  const scale = new ColumnScale(storage);
  for (const i of rows) scale.add(values[i]);
  return scale.scale();
}

describe("ColumnScale", () => {
  it("matches numpy's x.std() (ddof = 0), not the sample std", () => {
    // numpy: np.array([2, 4, 4, 4, 5, 5, 7, 9]).std() == 2.0 (sample std is 2.138)
    expect(scaleOf([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, std: 2 });
  });

  it("uses only the given rows", () => {
    expect(scaleOf([1, 3, 100, -50], [0, 1])).toEqual({ mean: 2, std: 1 });
  });

  it("stays finite for values whose squares overflow a double", () => {
    const scale = scaleOf([-1e200, 1e200]);
    expect(scale.mean).toBe(0);
    expect(scale.std).toBeCloseTo(1e200, -190);
  });

  it("holds values in float32 as distances from the shift, keeping a timestamp's seconds", () => {
    const stamps = [1_700_000_000, 1_700_000_001, 1_700_000_002];
    const storage = storageFor(stamps[0], stamps[2], stamps[1]);
    const scale = new ColumnScale(storage);
    const stored = stamps.map((t) => Math.fround(scale.stored(t)));
    expect(stored.map((v) => v * storage.unit + storage.shift)).toEqual(stamps);
    expect(Math.fround(stamps[1])).toBe(Math.fround(stamps[0])); // float32 alone loses them
  });
});

describe("isNearConstant", () => {
  it("catches ten copies of 0.1, whose float64 std can be about 1.4e-17, not 0", () => {
    expect(isNearConstant(scaleOf(new Array<number>(10).fill(0.1)))).toBe(true);
  });

  it.each([
    [{ mean: 0, std: 0 }, true],
    [{ mean: 1e6, std: 0.05 }, true],
    [{ mean: 1e6, std: 1 }, false],
    [{ mean: 0, std: 1e-6 }, false],
    [{ mean: 0, std: 1e-8 }, true],
    [{ mean: 0.1, std: 1.4e-17 }, true],
  ])("uses a tolerance relative to max(|mean|, 1): %o", (scale, constant) => {
    expect(isNearConstant(scale)).toBe(constant);
  });
});

describe("standardizeColumn", () => {
  it("maps values to z-scores", () => {
    const values = Float32Array.from([3, 5, 7]);
    standardizeColumn(values, 1, 0, { mean: 5, std: 2 });
    expect(Array.from(values)).toEqual([-1, 0, 1]);
  });

  it("touches only its column of a row-major block, and turns a gap (NaN) into 0", () => {
    const x = Float32Array.from([3, 10, Number.NaN, 20, 7, 30]); // (3, 2)
    standardizeColumn(x, 2, 0, { mean: 5, std: 2 });
    expect(Array.from(x)).toEqual([-1, 10, 0, 20, 1, 30]);
  });
});
