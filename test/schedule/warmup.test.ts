import { describe, expect, it } from "vitest";

import { createSchedule, tabulateSchedule } from "../../src/schedule/create-schedule.js";
import { scheduleSchema } from "../../src/schedule/schema.js";
import { compareSeries, describeComparison } from "./compare.js";

const RTOL = 1e-12;
const ATOL = 1e-15;

function lrs(block: Record<string, unknown>, steps: number): number[] {
  return Array.from(tabulateSchedule(createSchedule(scheduleSchema.parse(block)), steps).lr);
}

function expectLrs(actual: number[], expected: number[], what: string): void {
  const c = compareSeries(actual, expected, RTOL, ATOL);
  expect(c.ok, `${describeComparison(what, c)}; got ${actual.join(", ")}`).toBe(true);
}

describe("warmup (BL-15)", () => {
  const constant = { kind: "constant", base_lr: 0.1, steps: 6 };

  it("uses start_factor × base_lr for the first update, as PyTorch's LinearLR does", () => {
    const actual = lrs({ ...constant, warmup: { total_iters: 4, start_factor: 0.25 } }, 6);
    expectLrs(actual, [0.025, 0.04375, 0.0625, 0.08125, 0.1, 0.1], "total_iters 4");
  });

  it("gives the k/W warmup 0.025, 0.05, 0.075, 0.1 as total_iters W - 1, start_factor 1/W", () => {
    // a 4-step warmup in the (k+1)/W convention is LinearLR(start_factor 1/4, total_iters 3)
    const actual = lrs({ ...constant, warmup: { total_iters: 3, start_factor: 0.25 } }, 6);
    expectLrs(actual, [0.025, 0.05, 0.075, 0.1, 0.1, 0.1], "k/W warmup");
  });

  it("never uses lr 0 for the first update, even with the default start_factor", () => {
    const [first] = lrs({ ...constant, warmup: { total_iters: 4 } }, 1);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeCloseTo(0.1 / 3, 15);
  });

  it("runs the main schedule unchanged when total_iters is 0, without dividing by zero", () => {
    const cosine = { kind: "cosine", base_lr: 0.1, steps: 20, t_max: 20, eta_min: 1e-3 };
    const withZero = lrs({ ...cosine, warmup: { total_iters: 0 } }, 20);
    expect(withZero.every(Number.isFinite)).toBe(true);
    expect(withZero).toEqual(lrs(cosine, 20));
  });

  it("starts the main schedule from its own step 0 at the milestone, as SequentialLR does", () => {
    const block = { kind: "step", base_lr: 0.1, steps: 12, step_size: 3, gamma: 0.5 };
    const actual = lrs({ ...block, warmup: { total_iters: 2, start_factor: 0.5 } }, 8);
    expectLrs(actual, [0.05, 0.075, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05], "warmup then step");
  });

  it("warms one_cycle up to the lr it starts at, max_lr / div_factor, and holds momentum", () => {
    const block = { kind: "one_cycle", max_lr: 0.1, steps: 30, total_steps: 20 };
    const warmed = { ...block, warmup: { total_iters: 2 } };
    const schedule = createSchedule(scheduleSchema.parse(warmed));
    expect(schedule.lrAt(0)).toBeCloseTo(schedule.lrAt(2) / 3, 15);
    expect(schedule.lrAt(2)).toBeCloseTo(0.1 / 25, 15);
    expect(schedule.momentumAt?.(0)).toBe(0.95);
    expect(schedule.kind).toBe("warmup+one_cycle");
  });
});
