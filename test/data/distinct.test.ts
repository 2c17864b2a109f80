import { describe, expect, it } from "vitest";
import { DistinctCounter } from "../../src/data/distinct.js";

function count(values: number[]): DistinctCounter {
  const counter = new DistinctCounter();
  for (const value of values) counter.add(value);
  return counter;
}

describe("DistinctCounter", () => {
  it("counts exactly while the values fit its table", () => {
    const counter = count([3, 1, 3, 2, 1, 3]);
    expect(counter.exact).toBe(true);
    expect(counter.distinct(6)).toBe(3);
  });

  it("measures a million unique IDs as all distinct, in a table of 4096", () => {
    const counter = count(Array.from({ length: 1_000_000 }, (_, i) => 1_000_000 + i));
    expect(counter.exact).toBe(false);
    expect(counter.distinct(1_000_000)).toBe(1_000_000);
  });

  it.each([
    ["each value twice", 2, 0.5],
    ["each value ten times", 10, 0.1],
  ])("estimates the share of distinct values with %s within 5%%", (_, repeats, share) => {
    const values = Array.from({ length: 400_000 }, (_, i) => Math.floor(i / repeats) * 7);
    const estimate = count(values).distinct(values.length) / values.length;
    expect(Math.abs(estimate - share) / share).toBeLessThan(0.05);
  });
});
