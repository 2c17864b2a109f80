import { describe, expect, it } from "vitest";
import { splitRows, validationQuotas } from "../../src/data/split.js";

function labels(counts: number[]): Int32Array {
  return Int32Array.from(counts.flatMap((count, c) => new Array<number>(count).fill(c)));
}

describe("validationQuotas", () => {
  it.each([
    [[59, 71, 48], 0.2, [12, 14, 10]],
    [[50, 50, 50], 0.3, [15, 15, 15]],
    [[5, 1], 0.5, [3, 0]],
    [[1, 1, 1], 0.9, [0, 0, 0]],
    [[10], 0, [0]],
    [[10], 0.9, [9]],
  ])("shares round(fraction * n) by largest remainder: %j at %f", (sizes, fraction, quotas) => {
    expect(validationQuotas(sizes, fraction)).toEqual(quotas);
  });

  it("never holds out a group's last row", () => {
    const quotas = validationQuotas([2, 3, 1, 7], 0.9);
    quotas.forEach((quota, g) => expect(quota).toBeLessThan([2, 3, 1, 7][g]));
  });
});

describe("splitRows", () => {
  it("is the same for the same seed and differs for another", () => {
    const options = { fraction: 0.25, shuffle: true, classes: null };
    const a = splitRows(40, { ...options, seed: 11 });
    const b = splitRows(40, { ...options, seed: 11 });
    const c = splitRows(40, { ...options, seed: 12 });
    expect(a).toEqual(b);
    expect(Array.from(a.validation)).not.toEqual(Array.from(c.validation));
  });

  it("covers every row exactly once, each part in ascending order", () => {
    const { train, validation } = splitRows(30, {
      fraction: 0.3,
      shuffle: true,
      seed: 5,
      classes: labels([10, 12, 8]),
    });
    const all = [...train, ...validation].sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(Array.from(train)).toEqual([...train].sort((x, y) => x - y));
  });

  it("stratifies: each class is held out in proportion", () => {
    const classes = labels([50, 50, 50]);
    const { validation } = splitRows(150, { fraction: 0.2, shuffle: true, seed: 1, classes });
    const counts = [0, 0, 0];
    for (const row of validation) counts[classes[row]] += 1;
    expect(counts).toEqual([10, 10, 10]);
  });

  it("without shuffle holds out the last rows, keeping time order", () => {
    const { train, validation } = splitRows(10, {
      fraction: 0.3,
      shuffle: false,
      seed: 1,
      classes: null,
    });
    expect(Array.from(validation)).toEqual([7, 8, 9]);
    expect(Array.from(train)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("with fraction 0 keeps every row for training", () => {
    const { train, validation } = splitRows(5, {
      fraction: 0,
      shuffle: true,
      seed: 1,
      classes: null,
    });
    expect(train).toHaveLength(5);
    expect(validation).toHaveLength(0);
  });
});
