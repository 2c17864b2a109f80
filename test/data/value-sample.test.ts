import { describe, expect, it } from "vitest";
import { ValueSample } from "../../src/data/value-sample.js";

describe("ValueSample", () => {
  it("gives the median of a few values exactly (the lower of two middles)", () => {
    const sample = new ValueSample();
    for (const value of [5, 1, 4, 2]) sample.add(value);
    expect(sample.median()).toBe(2);
  });

  it("is not dragged by one huge value among a million", () => {
    const sample = new ValueSample();
    for (let i = 0; i < 1_000_000; i++) sample.add(i === 500_000 ? 1e300 : i % 1000);
    expect(Math.abs(sample.median() - 500)).toBeLessThan(50);
  });

  it("has no median before any value", () => {
    expect(new ValueSample().median()).toBeNaN();
  });
});
