import { describe, expect, it } from "vitest";

import { isLrFindError, SpecError } from "../../src/errors.js";
import { parseSchedule } from "../../src/schedule/parse-schedule.js";
import { scheduleSchema } from "../../src/schedule/schema.js";

const COSINE = { kind: "cosine", base_lr: 0.1, steps: 100, t_max: 100 };
const STEP = { kind: "step", base_lr: 0.1, steps: 100, step_size: 10 };
const CYCLIC = { kind: "cyclic", base_lr: 0.001, max_lr: 0.1, steps: 100 };
const ONE_CYCLE = { kind: "one_cycle", max_lr: 0.1, steps: 100 };
const LINEAR = { kind: "linear", base_lr: 0.1, steps: 20 };

/** The issues of a block that must fail, as the spec shows them. */
function issuesOf(block: unknown): { path: string; message: string }[] {
  try {
    parseSchedule(block);
  } catch (error) {
    if (error instanceof SpecError) return error.issues;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(block)} to be rejected`);
}

describe("scheduleSchema rejects nonsense with the key and the allowed range", () => {
  it.each([
    ["an unknown kind", { ...COSINE, kind: "cosin" }, "schedule.kind", /expected kind one of/],
    [
      "a missing kind",
      { base_lr: 0.1, steps: 5 },
      "schedule.kind",
      /received nothing \(the key is missing\)/,
    ],
    ["a block that is not an object", 5, "schedule", /expected a schedule block/],
    [
      "a key no kind has",
      { ...COSINE, foo: 1 },
      "schedule.foo",
      /unknown key "foo" for kind "cosine"/,
    ],
    [
      "a key of another kind",
      { ...COSINE, gamma: 0.5 },
      "schedule.gamma",
      /"gamma" does not apply to kind "cosine" \(it is used by: step/,
    ],
    [
      "base_lr on one_cycle",
      { ...ONE_CYCLE, base_lr: 0.01 },
      "schedule.base_lr",
      /does not apply to kind "one_cycle" \(it starts at max_lr \/ div_factor\)/,
    ],
    [
      "an unknown key in warmup",
      { ...COSINE, warmup: { steps: 3 } },
      "schedule.warmup.steps",
      /unknown key "steps" in warmup/,
    ],
    [
      "t_mult below 1",
      { kind: "cosine_restarts", base_lr: 0.1, steps: 9, t_0: 3, t_mult: 0.5 },
      "schedule.t_mult",
      /expected t_mult an integer >= 1, received 0.5/,
    ],
    [
      "a fractional t_mult",
      { kind: "cosine_restarts", base_lr: 0.1, steps: 9, t_0: 3, t_mult: 1.5 },
      "schedule.t_mult",
      /integer >= 1/,
    ],
    [
      "t_0 of 0",
      { kind: "cosine_restarts", base_lr: 0.1, steps: 9, t_0: 0 },
      "schedule.t_0",
      /integer >= 1/,
    ],
    [
      "pct_start above 1 (BL-17b)",
      { ...ONE_CYCLE, pct_start: 1.2 },
      "schedule.pct_start",
      /expected pct_start in \(0, 1\), received 1.2/,
    ],
    ["pct_start of 0", { ...ONE_CYCLE, pct_start: 0 }, "schedule.pct_start", /in \(0, 1\)/],
    [
      "swapped cyclic bounds (BL-18)",
      { ...CYCLIC, base_lr: 0.1, max_lr: 0.01 },
      "schedule.base_lr",
      /base_lr must be < max_lr/,
    ],
    [
      "equal cyclic bounds",
      { ...CYCLIC, base_lr: 0.1, max_lr: 0.1 },
      "schedule.base_lr",
      /base_lr must be < max_lr/,
    ],
    [
      "a one_cycle too short for its first phase (BL-17a)",
      { ...ONE_CYCLE, total_steps: 2 },
      "schedule.total_steps",
      /one_cycle needs total_steps >= 4 when pct_start is 0.3/,
    ],
    [
      "a one_cycle whose steps are too few",
      { ...ONE_CYCLE, steps: 3 },
      "schedule.steps",
      /one_cycle needs total_steps >= 4/,
    ],
    [
      "three phases that do not fit",
      { ...ONE_CYCLE, three_phase: true, pct_start: 0.6 },
      "schedule.pct_start",
      /pct_start <= 0.5 with three_phase: true/,
    ],
    ["a gamma of 0", { ...STEP, gamma: 0 }, "schedule.gamma", /expected gamma > 0, received 0/],
    [
      "a negative gamma",
      { kind: "exponential", base_lr: 0.1, steps: 5, gamma: -0.5 },
      "schedule.gamma",
      /> 0/,
    ],
    [
      "a missing exponential gamma",
      { kind: "exponential", base_lr: 0.1, steps: 5 },
      "schedule.gamma",
      /received nothing \(the key is missing\)/,
    ],
    [
      "repeated milestones",
      { kind: "multistep", base_lr: 0.1, steps: 9, milestones: [20, 20, 50] },
      "schedule.milestones[1]",
      /strictly increasing/,
    ],
    [
      "decreasing milestones",
      { kind: "multistep", base_lr: 0.1, steps: 9, milestones: [50, 20] },
      "schedule.milestones[1]",
      /20 at position 1 does not exceed 50/,
    ],
    [
      "no milestones",
      { kind: "multistep", base_lr: 0.1, steps: 9, milestones: [] },
      "schedule.milestones",
      /at least one step/,
    ],
    [
      "a milestone at step 0",
      { kind: "multistep", base_lr: 0.1, steps: 9, milestones: [0, 5] },
      "schedule.milestones[0]",
      /integer >= 1/,
    ],
    [
      "a step_size of 0",
      { ...STEP, step_size: 0 },
      "schedule.step_size",
      /expected step_size an integer >= 1, received 0/,
    ],
    ["a fractional step_size", { ...STEP, step_size: 2.5 }, "schedule.step_size", /integer/],
    [
      "a negative base_lr",
      { ...COSINE, base_lr: -0.1 },
      "schedule.base_lr",
      /expected base_lr > 0, received -0.1/,
    ],
    [
      "a base_lr written as a string",
      { ...COSINE, base_lr: "0.1" },
      "schedule.base_lr",
      /received "0.1"/,
    ],
    [
      "an infinite base_lr",
      { ...COSINE, base_lr: Infinity },
      "schedule.base_lr",
      /received Infinity/,
    ],
    ["a negative max_lr", { ...ONE_CYCLE, max_lr: -1 }, "schedule.max_lr", /> 0/],
    ["a negative eta_min", { ...COSINE, eta_min: -1e-3 }, "schedule.eta_min", />= 0/],
    [
      "eta_min above base_lr",
      { ...COSINE, eta_min: 0.2 },
      "schedule.eta_min",
      /expected eta_min <= base_lr \(0.1\), received 0.2/,
    ],
    ["a start_factor of 0", { ...LINEAR, start_factor: 0 }, "schedule.start_factor", /in \(0, 1\]/],
    [
      "a start_factor above 1",
      { ...LINEAR, start_factor: 1.5 },
      "schedule.start_factor",
      /in \(0, 1\]/,
    ],
    ["an end_factor above 1", { ...LINEAR, end_factor: 1.2 }, "schedule.end_factor", /in \[0, 1\]/],
    [
      "a linear total_iters of 0",
      { ...LINEAR, total_iters: 0 },
      "schedule.total_iters",
      /integer >= 1/,
    ],
    [
      "a warmup start_factor of 0 (BL-15)",
      { ...COSINE, warmup: { start_factor: 0 } },
      "schedule.warmup.start_factor",
      /in \(0, 1\]/,
    ],
    [
      "a negative warmup length",
      { ...COSINE, warmup: { total_iters: -1 } },
      "schedule.warmup.total_iters",
      /integer >= 0/,
    ],
    ["zero steps", { ...COSINE, steps: 0 }, "schedule.steps", /integer >= 1/],
    [
      "missing steps",
      { kind: "cosine", base_lr: 0.1, t_max: 10 },
      "schedule.steps",
      /received nothing \(the key is missing\)/,
    ],
    [
      "an unknown cyclic mode",
      { ...CYCLIC, mode: "triangle" },
      "schedule.mode",
      /one of triangular, triangular2, exp_range/,
    ],
    [
      "an unknown anneal_strategy",
      { ...ONE_CYCLE, anneal_strategy: "cosine" },
      "schedule.anneal_strategy",
      /one of cos, linear/,
    ],
    [
      "an exp_range gamma above 1",
      { ...CYCLIC, mode: "exp_range", gamma: 1.5 },
      "schedule.gamma",
      /in \(0, 1\]/,
    ],
    [
      "a step_size_down of 0",
      { ...CYCLIC, step_size_down: 0 },
      "schedule.step_size_down",
      /integer >= 1/,
    ],
    [
      "momentum bounds swapped",
      { ...ONE_CYCLE, base_momentum: 0.96 },
      "schedule.base_momentum",
      /base_momentum <= max_momentum \(0.95\)/,
    ],
    [
      "a momentum of 1",
      { ...CYCLIC, cycle_momentum: true, max_momentum: 1 },
      "schedule.max_momentum",
      /in \[0, 1\)/,
    ],
    ["a div_factor below 1", { ...ONE_CYCLE, div_factor: 0.5 }, "schedule.div_factor", />= 1/],
    [
      "a string for a switch",
      { ...CYCLIC, cycle_momentum: "yes" },
      "schedule.cycle_momentum",
      /true or false/,
    ],
    ["a t_max of 0", { ...COSINE, t_max: 0 }, "schedule.t_max", /integer >= 1/],
    [
      "a power of 0",
      { kind: "polynomial", base_lr: 0.1, steps: 9, power: 0 },
      "schedule.power",
      /> 0/,
    ],
  ])("rejects %s", (_what, block, path, message) => {
    const issues = issuesOf(block);
    const issue = issues.find((i) => i.path === path);
    expect(issue, `issues were ${JSON.stringify(issues)}`).toBeDefined();
    expect(issue?.message).toMatch(message);
  });

  it("reports every field problem and every unknown key at once", () => {
    const issues = issuesOf({ ...COSINE, base_lr: -1, t_max: 0, foo: 1, warmup: { bar: 2 } });
    expect(issues.map((i) => i.path).sort()).toEqual([
      "schedule.base_lr",
      "schedule.foo",
      "schedule.t_max",
      "schedule.warmup.bar",
    ]);
  });

  it("throws a SpecError with the stable code spec.invalid", () => {
    const error = (() => {
      try {
        return parseSchedule({ ...COSINE, t_max: 0 }, "spec.yaml");
      } catch (caught) {
        return caught;
      }
    })();
    expect(isLrFindError(error) && error.code).toBe("spec.invalid");
    expect(String((error as Error).message)).toContain("spec.yaml: schedule.t_max");
  });
});

describe("scheduleSchema fills PyTorch's defaults", () => {
  it.each([
    ["step", STEP, { gamma: 0.1 }],
    ["polynomial", { kind: "polynomial", base_lr: 0.1, steps: 9 }, { total_iters: 5, power: 1 }],
    ["cosine", COSINE, { eta_min: 0 }],
    [
      "cosine_restarts",
      { kind: "cosine_restarts", base_lr: 0.1, steps: 9, t_0: 3 },
      { t_mult: 1, eta_min: 0 },
    ],
    [
      "cyclic",
      CYCLIC,
      { step_size_up: 2000, mode: "triangular", gamma: 1, base_momentum: 0.8, max_momentum: 0.9 },
    ],
    [
      "one_cycle",
      ONE_CYCLE,
      {
        pct_start: 0.3,
        anneal_strategy: "cos",
        div_factor: 25,
        final_div_factor: 1e4,
        three_phase: false,
        cycle_momentum: true,
        base_momentum: 0.85,
        max_momentum: 0.95,
      },
    ],
    ["linear", LINEAR, { start_factor: 1 / 3, end_factor: 1, total_iters: 5 }],
    ["warmup", { ...COSINE, warmup: {} }, { warmup: { total_iters: 5, start_factor: 1 / 3 } }],
  ])("for %s", (_kind, block, defaults) => {
    expect(scheduleSchema.parse(block)).toMatchObject(defaults);
  });

  it("keeps cyclic momentum cycling off by default, unlike PyTorch (Adam has no momentum)", () => {
    expect(scheduleSchema.parse(CYCLIC)).toMatchObject({ cycle_momentum: false });
  });

  it("leaves step_size_down and total_steps unset so they follow step_size_up and steps", () => {
    expect(scheduleSchema.parse(CYCLIC)).not.toHaveProperty("step_size_down");
    expect(scheduleSchema.parse(ONE_CYCLE)).not.toHaveProperty("total_steps");
  });

  it("accepts a warmup of length 0", () => {
    expect(scheduleSchema.parse({ ...COSINE, warmup: { total_iters: 0 } }).warmup).toEqual({
      total_iters: 0,
      start_factor: 1 / 3,
    });
  });
});
