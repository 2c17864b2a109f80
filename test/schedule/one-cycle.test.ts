import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { createSchedule } from "../../src/schedule/create-schedule.js";
import { oneCycleMinSteps } from "../../src/schedule/one-cycle.js";
import { scheduleSchema } from "../../src/schedule/schema.js";
import { scheduleWarnings } from "../../src/schedule/warnings.js";

const BLOCK = { kind: "one_cycle", max_lr: 0.1, steps: 10, total_steps: 10 };

describe("one_cycle with very few steps (BL-17a)", () => {
  it.each([
    [0.3, 4],
    [0.5, 3],
    [0.25, 5],
    [0.1, 11],
    [0.9, 2],
  ])("needs at least the stated total_steps for pct_start %s (%s)", (pct, min) => {
    expect(oneCycleMinSteps(pct)).toBe(min);
  });

  it("rejects total_steps 2 with pct_start 0.3 and states the minimum", () => {
    const result = scheduleSchema.safeParse({ ...BLOCK, total_steps: 2, pct_start: 0.3 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["total_steps"],
      message: expect.stringMatching(/one_cycle needs total_steps >= 4/),
    });
  });

  it("accepts exactly the minimum and every step is finite and within [min_lr, max_lr]", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.boolean(),
        fc.constantFrom("cos", "linear"),
        fc.integer({ min: 0, max: 40 }),
        (pct, threePhase, anneal, extra) => {
          const pctStart = threePhase ? pct / 2 : pct;
          const total = oneCycleMinSteps(pctStart) + extra;
          const block = {
            ...BLOCK,
            total_steps: total,
            steps: total,
            pct_start: pctStart,
            three_phase: threePhase,
            anneal_strategy: anneal,
          };
          const below = scheduleSchema.safeParse({ ...block, total_steps: total - extra - 1 });
          expect(below.success).toBe(false);

          const schedule = createSchedule(scheduleSchema.parse(block));
          const minLr = 0.1 / 25 / 1e4;
          for (let t = 0; t < total + 3; t++) {
            const lr = schedule.lrAt(t);
            const m = schedule.momentumAt?.(t) ?? NaN;
            // the linear anneal ends at (min - max) * 1 + max: min_lr up to max_lr's rounding
            const inRange = lr >= 0 && lr >= minLr - 1e-16 && lr <= 0.1 * (1 + 1e-12);
            expect(inRange, `lr ${lr} at ${t}`).toBe(true);
            expect(m >= 0.85 - 1e-12 && m <= 0.95 + 1e-12, `momentum ${m} at ${t}`).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("one_cycle past its last planned step (BL-17c)", () => {
  it("holds the final lr and momentum instead of raising like PyTorch", () => {
    const schedule = createSchedule(scheduleSchema.parse({ ...BLOCK, steps: 11 }));
    const final = 0.1 / 25 / 1e4;
    expect(schedule.lrAt(9)).toBe(final);
    expect(schedule.lrAt(10)).toBe(final);
    expect(schedule.lrAt(1e9)).toBe(final);
    expect(schedule.momentumAt?.(10)).toBe(schedule.momentumAt?.(9));
  });

  it("does not let the linear anneal run below min_lr after the end", () => {
    const block = { ...BLOCK, anneal_strategy: "linear" };
    const schedule = createSchedule(scheduleSchema.parse(block));
    expect(schedule.lrAt(50)).toBe(schedule.lrAt(9));
    expect(schedule.lrAt(50)).toBeGreaterThan(0);
  });

  it("warns that 11 steps were requested from a schedule of 10", () => {
    const warnings = scheduleWarnings(scheduleSchema.parse({ ...BLOCK, steps: 11 }));
    expect(warnings).toEqual([
      {
        path: "total_steps",
        message: expect.stringMatching(/^11 steps requested, schedule has 10/),
      },
    ]);
  });
});

describe("one_cycle momentum", () => {
  it("runs from max_momentum down to base_momentum and back, opposite to the lr", () => {
    const block = { ...BLOCK, steps: 100, total_steps: 100 };
    const schedule = createSchedule(scheduleSchema.parse(block));
    expect(schedule.momentumAt?.(0)).toBe(0.95);
    expect(schedule.momentumAt?.(99)).toBe(0.95);
    const peak = 29; // phase 1 ends at 0.3 * 100 - 1 = 29.000000000000004
    expect(schedule.momentumAt?.(peak)).toBeCloseTo(0.85, 12);
    expect(schedule.lrAt(peak)).toBeCloseTo(0.1, 12);
  });

  it("has no momentum schedule when cycle_momentum is false", () => {
    const schedule = createSchedule(scheduleSchema.parse({ ...BLOCK, cycle_momentum: false }));
    expect(schedule.momentumAt).toBeUndefined();
  });
});
