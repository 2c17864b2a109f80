import { describe, expect, it } from "vitest";

import { createSchedule, tabulateSchedule } from "../../src/schedule/create-schedule.js";
import { scheduleSchema } from "../../src/schedule/schema.js";
import golden from "../golden/schedulers.json" with { type: "json" };
import { compareSeries, describeComparison } from "./compare.js";
import { goldenBlock, type GoldenCase } from "./golden-configs.js";

// schedulers.json's recommended float64 tolerance for lr and momentum
const RTOL = 1e-12;
const ATOL = 1e-15;

const CASES = golden.cases as unknown as GoldenCase[];

describe("every golden PyTorch scheduler case", () => {
  it("covers all 18 cases of schedulers.json", () => {
    expect(CASES).toHaveLength(18);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("reproduces %s at every step", (name, c) => {
    const config = scheduleSchema.parse(goldenBlock(c));
    const schedule = createSchedule(config);
    const table = tabulateSchedule(schedule, c.n_steps);

    const lr = compareSeries(table.lr, c.lr, RTOL, ATOL);
    expect(lr.ok, describeComparison(`${name} lr`, lr)).toBe(true);

    if (c.momentum === undefined) return;
    expect(table.momentum, `${name} has a momentum schedule`).toBeDefined();
    const momentum = compareSeries(table.momentum ?? [], c.momentum, RTOL, ATOL);
    expect(momentum.ok, describeComparison(`${name} momentum`, momentum)).toBe(true);
  });

  it.each(CASES.map((c) => [c.name, c] as const))(
    "keeps %s finite and non-negative far past its planned steps",
    (_name, c) => {
      const schedule = createSchedule(scheduleSchema.parse(goldenBlock(c)));
      for (const t of [c.n_steps, 2 * c.n_steps, 10_007, 1e6, 2 ** 40]) {
        const lr = schedule.lrAt(t);
        expect(Number.isFinite(lr) && lr >= 0, `lr at step ${t} is ${lr}`).toBe(true);
        const m = schedule.momentumAt?.(t) ?? 0;
        expect(Number.isFinite(m) && m >= 0, `momentum at step ${t} is ${m}`).toBe(true);
      }
    },
  );
});

describe("createSchedule", () => {
  it("gives a constant schedule its base_lr at every step", () => {
    const block = { kind: "constant", base_lr: 0.3, steps: 5 };
    const schedule = createSchedule(scheduleSchema.parse(block));
    expect(Array.from(tabulateSchedule(schedule, 5).lr)).toEqual([0.3, 0.3, 0.3, 0.3, 0.3]);
    expect(schedule.momentumAt).toBeUndefined();
  });

  it("names each schedule after its kind", () => {
    const config = scheduleSchema.parse({ kind: "step", base_lr: 0.1, steps: 5, step_size: 2 });
    expect(createSchedule(config).kind).toBe("step");
  });

  it("restarts cosine_restarts cycles at t_0, t_0 (1 + t_mult), ... for t_mult 3", () => {
    const block = { kind: "cosine_restarts", base_lr: 0.1, steps: 60, t_0: 4, t_mult: 3 };
    const schedule = createSchedule(scheduleSchema.parse(block));
    const restarts = [0, 4, 16, 52].map((t) => schedule.lrAt(t));
    expect(restarts).toEqual([0.1, 0.1, 0.1, 0.1]);
    expect(schedule.lrAt(15)).toBeLessThan(schedule.lrAt(14));
  });

  it("applies a milestone exactly at its step in multistep", () => {
    const block = { kind: "multistep", base_lr: 1, steps: 10, milestones: [3, 5], gamma: 0.5 };
    const schedule = createSchedule(scheduleSchema.parse(block));
    expect([2, 3, 4, 5, 6].map((t) => schedule.lrAt(t))).toEqual([1, 0.5, 0.5, 0.25, 0.25]);
  });
});
