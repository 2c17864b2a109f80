import { describe, expect, it } from "vitest";

import { createSchedule } from "../../src/schedule/create-schedule.js";
import { scheduleSchema } from "../../src/schedule/schema.js";

const BLOCK = { kind: "cyclic", base_lr: 0.001, max_lr: 0.1, steps: 40, step_size_up: 10 };

describe("cyclic (BL-18)", () => {
  it("rejects swapped bounds with 'base_lr must be < max_lr'", () => {
    const result = scheduleSchema.safeParse({ ...BLOCK, base_lr: 0.1, max_lr: 0.01 });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ["base_lr"],
        message: expect.stringMatching(/^base_lr must be < max_lr/),
      }),
    ]);
  });

  it("does not cycle momentum by default, so it also works with Adam", () => {
    const schedule = createSchedule(scheduleSchema.parse(BLOCK));
    expect(schedule.momentumAt).toBeUndefined();
  });

  it("cycles momentum (beta1 for Adam) opposite to the lr when asked", () => {
    const schedule = createSchedule(scheduleSchema.parse({ ...BLOCK, cycle_momentum: true }));
    expect(schedule.momentumAt?.(0)).toBe(0.9);
    expect(schedule.momentumAt?.(10)).toBeCloseTo(0.8, 15);
    expect(schedule.momentumAt?.(20)).toBeCloseTo(0.9, 15);
    expect(schedule.lrAt(10)).toBeCloseTo(0.1, 15);
  });

  it("peaks after step_size_up and is back at base_lr after step_size_down more", () => {
    const block = { ...BLOCK, step_size_up: 5, step_size_down: 15 };
    const schedule = createSchedule(scheduleSchema.parse(block));
    expect(schedule.lrAt(0)).toBe(0.001);
    expect(schedule.lrAt(5)).toBeCloseTo(0.1, 15);
    expect(schedule.lrAt(20)).toBeCloseTo(0.001, 15);
  });

  it("halves the amplitude every cycle in triangular2", () => {
    const schedule = createSchedule(scheduleSchema.parse({ ...BLOCK, mode: "triangular2" }));
    const heights = [10, 30, 50].map((t) => schedule.lrAt(t) - 0.001);
    expect(heights[1] / heights[0]).toBeCloseTo(0.5, 12);
    expect(heights[2] / heights[1]).toBeCloseTo(0.5, 12);
  });
});
