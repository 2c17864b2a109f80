import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { runCheck, runTraining } from "../../src/commands/train.js";
import { runRangeTest } from "../../src/commands/range-test.js";
import { loadSpec } from "../../src/spec/load-spec.js";
import { REPO } from "../helpers/cli.js";

const IRIS_TRAIN = join(REPO, "configs", "iris-train.yaml");

describe("training with the found range (lr-find train)", () => {
  it("reaches ≥ 0.9 validation accuracy on Iris with one-cycle from the range test", async () => {
    const spec = { ...loadSpec(IRIS_TRAIN), seed: 42 };
    const found = await runRangeTest(spec);
    expect(found.range).not.toBeNull();

    const run = await runTraining(spec, { rates: { file: "memory", ...found } });
    expect(run.schedule.kind).toBe("one_cycle");
    const best = run.result.epochs.find((e) => e.epoch === run.result.best_epoch);
    expect(best?.val_accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("stops early when the validation loss stalls, and restores the best weights", async () => {
    const base = loadSpec(IRIS_TRAIN);
    // a tiny constant rate: the loss barely moves, so min_delta makes every epoch a stall
    const spec = {
      ...base,
      schedule: undefined,
      seed: 1,
      train: { ...base.train, epochs: 50, patience: 3, min_delta: 0.05, lr: 1e-6 },
    };
    const run = await runTraining(spec);
    expect(run.result.stop).toBe("early_stopped");
    expect(run.result.epochs).toHaveLength(4);
    expect(run.result.best_epoch).toBe(1);
  });

  it("trains at ×0.1, ×1 and ×10 of the suggestion from identical weights (--check)", async () => {
    const spec = { ...loadSpec(IRIS_TRAIN), seed: 42 };
    const check = await runCheck(spec, {
      rates: { file: "memory", suggestion: { lr: 0.01, method: "valley" }, range: null },
    });
    expect(check.rows.map((r) => r.lr)).toEqual(
      [0.001, 0.01, 0.1].map((v) => expect.closeTo(v, 12)),
    );
    expect(check.rows.every((r) => r.val_loss !== null)).toBe(true);
    expect(check.best_factor).not.toBeNull();
    expect(check.verdict).toMatch(/suggestion/);
  });

  it("warns when schedule.steps does not fit the run", async () => {
    const base = loadSpec(IRIS_TRAIN);
    const spec = { ...base, seed: 1, train: { ...base.train, epochs: 2 } };
    const run = await runTraining(spec);
    expect(run.warnings.join("\n")).toMatch(/schedule\.steps is 180 but training runs 12 steps/);
  });
});
