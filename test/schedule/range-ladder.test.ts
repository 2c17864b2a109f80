import { describe, expect, it } from "vitest";

import { rangeLadder, rangeLadderLr } from "../../src/schedule/range-ladder.js";
import golden from "../golden/schedulers.json" with { type: "json" };
import { compareSeries, describeComparison } from "./compare.js";

// schedulers.json: pow differs by an ulp between libms, hence 1e-13 rather than 1e-15
const RTOL = 1e-13;

const SWEEPS = Object.fromEntries(golden.range_test_schedules.map((s) => [s.name, s]));

describe("the range-test ladder against schedulers.json", () => {
  it.each([
    ["exponential_range_test", "exponential"],
    ["linear_range_test", "linear"],
  ] as const)("reproduces %s", (name, mode) => {
    const sweep = SWEEPS[name];
    const ladder = rangeLadder(mode, sweep.start_lr, sweep.end_lr, sweep.n);
    const c = compareSeries(ladder, sweep.lr, RTOL, 0);
    expect(c.ok, describeComparison(name, c)).toBe(true);
  });

  it("differs from fastai's convention, which divides by n and never reaches end_lr", () => {
    const sweep = SWEEPS.exponential_range_test_fastai_convention;
    const ladder = rangeLadder("exponential", sweep.start_lr, sweep.end_lr, sweep.n);
    expect(ladder[0]).toBe(sweep.lr[0]);
    expect(ladder[sweep.n - 1]).toBe(sweep.end_lr);
    expect(sweep.lr[sweep.n - 1]).toBeLessThan(sweep.end_lr * 0.85);
  });

  it("gives the same value one rung at a time as all at once", () => {
    const sweep = SWEEPS.exponential_range_test;
    const ladder = rangeLadder("exponential", sweep.start_lr, sweep.end_lr, sweep.n);
    const single = ladder.map((_, i) => {
      return rangeLadderLr("exponential", sweep.start_lr, sweep.end_lr, sweep.n, i);
    });
    expect(single).toEqual(ladder);
  });
});

describe("the range-test ladder's end points (BL-07)", () => {
  it("runs 1e-4, 1e-3, 1e-2, 1e-1, 1 for n = 5 from 1e-4 to 1", () => {
    const ladder = rangeLadder("exponential", 1e-4, 1, 5);
    const c = compareSeries(ladder, [1e-4, 1e-3, 1e-2, 1e-1, 1], 1e-12, 0);
    expect(c.ok, describeComparison("n = 5", c)).toBe(true);
    expect(ladder[0]).toBe(1e-4);
    expect(ladder[4]).toBe(1);
  });

  it.each(["exponential", "linear"] as const)("gives start for n = 1 (%s), never 0/0", (mode) => {
    expect(rangeLadderLr(mode, 1e-4, 1, 1, 0)).toBe(1e-4);
    expect(Array.from(rangeLadder(mode, 1e-4, 1, 1))).toEqual([1e-4]);
  });

  it("keeps consecutive ratios constant to 1e-12 over 40 rungs and never passes end", () => {
    const ladder = rangeLadder("exponential", 1e-4, 1, 40);
    const ratio = Math.pow(1e4, 1 / 39);
    for (let i = 1; i < 40; i++) {
      expect(Math.abs(ladder[i] / ladder[i - 1] / ratio - 1)).toBeLessThan(1e-12);
      expect(ladder[i]).toBeLessThanOrEqual(1);
    }
  });

  it("steps evenly in linear mode, first = start and last = end exactly", () => {
    const ladder = rangeLadder("linear", 0.1, 1.1, 11);
    expect(ladder[0]).toBe(0.1);
    expect(ladder[10]).toBe(1.1);
    expect(ladder[5]).toBeCloseTo(0.6, 15);
  });

  it.each([
    ["n = 0", () => rangeLadder("linear", 0.1, 1, 0), /n an integer >= 1/],
    ["a fractional n", () => rangeLadder("linear", 0.1, 1, 2.5), /n an integer >= 1/],
    ["i = n", () => rangeLadderLr("linear", 0.1, 1, 5, 5), /i an integer in \[0, 4\]/],
    ["a negative lr", () => rangeLadder("linear", -1, 1, 5), /finite lrs >= 0/],
    ["an exponential ladder from 0", () => rangeLadder("exponential", 0, 1, 5), /> 0/],
  ])("refuses %s as a programming error", (_what, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
