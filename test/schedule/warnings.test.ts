import { describe, expect, it } from "vitest";

import { scheduleSchema } from "../../src/schedule/schema.js";
import { scheduleWarnings } from "../../src/schedule/warnings.js";

function warningsFor(block: Record<string, unknown>) {
  return scheduleWarnings(scheduleSchema.parse(block));
}

describe("scheduleWarnings", () => {
  it("says nothing about a plan that fits its run", () => {
    expect(warningsFor({ kind: "cosine", base_lr: 0.1, steps: 50, t_max: 50 })).toEqual([]);
  });

  it("warns when the warmup is as long as the run (BL-15)", () => {
    const block = { kind: "constant", base_lr: 0.1, steps: 4, warmup: { total_iters: 4 } };
    expect(warningsFor(block)).toEqual([
      { path: "warmup.total_iters", message: expect.stringMatching(/as long as the run/) },
    ]);
  });

  it("warns that cosine rises again after a t_max shorter than the run", () => {
    const block = { kind: "cosine", base_lr: 0.1, steps: 100, t_max: 40 };
    expect(warningsFor(block)).toEqual([
      { path: "t_max", message: expect.stringMatching(/rises again after t_max/) },
    ]);
  });

  it("warns when polynomial decay reaches 0 before the run ends, counting the warmup", () => {
    const block = {
      kind: "polynomial",
      base_lr: 0.1,
      steps: 20,
      total_iters: 10,
      warmup: { total_iters: 3 },
    };
    expect(warningsFor(block)).toEqual([
      { path: "total_iters", message: expect.stringMatching(/lr is 0 from step 13 on/) },
    ]);
  });
});
