import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import golden from "../golden/range_test_iris.json" with { type: "json" };
import { runCli, tempDir } from "../helpers/cli.js";
import { expectClose, num } from "../helpers/tolerance.js";

// The golden run: pre-standardized Iris in permutation order, so with shuffling off batch i
// is rows (16·i + k) mod 150 exactly as PyTorch took them; PyTorch-initialised weights.
const OPTIMIZERS: Record<string, unknown> = {
  sgd: "sgd",
  sgd_momentum: { name: "sgd", momentum: 0.9 },
  adam: "adam",
};
const LOSS_RTOL: Record<string, number> = { sgd: 1e-3, sgd_momentum: 1e-3, adam: 5e-3 };

interface Run {
  points: { lr: number; loss: number | null; smoothed_loss: number | null }[];
  divergence_step: number | null;
  suggestions: Record<string, { index: number; lr: number } | null>;
}

describe("range test on Iris through the CLI matches PyTorch", () => {
  const tmp = tempDir();
  const results: Record<string, Run> = {};

  beforeAll(async () => {
    const { data, initial_weights: w } = golden;
    const rows = data.permutation.map((r) => [...data.X_standardized[r], data.y[r]].join(","));
    writeFileSync(join(tmp.dir, "iris.csv"), ["f1,f2,f3,f4,species", ...rows].join("\n"));
    const layers = [
      { weight: w.W1, bias: w.b1 },
      { weight: w.W2, bias: w.b2 },
    ];
    writeFileSync(join(tmp.dir, "weights.json"), JSON.stringify({ layers }));

    for (const [name, optimizer] of Object.entries(OPTIMIZERS)) {
      const spec = {
        data: { path: "iris.csv", target: "species", shuffle: false, standardize: false },
        model: { hidden: [16], activation: "relu", weights: "weights.json" },
        optimizer,
        sweep: { start_lr: 1e-5, end_lr: 10, iterations: 100, batch_size: 16, divergence: false },
        seed: 0,
      };
      const file = join(tmp.dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(spec));
      const run = await runCli([file, "--json", "--quiet"]);
      expect(run.stderr).toBe("");
      results[name] = JSON.parse(run.stdout).runs[0] as Run;
    }
  });
  afterAll(() => tmp.cleanup());

  it.each(golden.cases.map((c) => [c.name, c] as const))(
    "%s: raw and smoothed losses agree to float32 precision up to the stop",
    (name, c) => {
      const run = results[name];
      const stop = c.stop_index ?? 99;
      const loss = run.points.slice(0, stop + 1).map((p) => p.loss ?? NaN);
      const smoothed = run.points.slice(0, stop + 1).map((p) => p.smoothed_loss ?? NaN);
      const rtol = LOSS_RTOL[name];

      expectClose(
        run.points.map((p) => p.lr),
        c.lr,
        1e-12,
        0,
        `${name} lr`,
      );
      expectClose(loss, c.loss.slice(0, stop + 1).map(num), rtol, 0, `${name} loss`);
      expectClose(
        smoothed,
        c.smoothed_loss.slice(0, stop + 1).map(num),
        rtol,
        0,
        `${name} smoothed`,
      );
      expect(run.points).toHaveLength(100);
    },
  );

  it.each(golden.cases.map((c) => [c.name, c] as const))(
    "%s: the stop index and every suggestion index match",
    (name, c) => {
      const run = results[name];
      const s = c.suggestions;
      expect(run.divergence_step).toBe(c.stop_index);
      // the fastai-compatible rules read the causal EMA, as fastai and the golden do
      expect(run.suggestions.valley_ema?.index).toBe(s.valley_fastai.index);
      expect(run.suggestions.steep_ema?.index).toBe(s.steep_fastai.index);
      expect(run.suggestions.steepest_ema?.index).toBe(s.steepest_gradient_wrt_index.index);
      expect(run.suggestions.minimum_ema?.index).toBe(s.minimum_div_10.index_of_minimum);
      expectClose(
        [run.suggestions.valley_ema?.lr ?? NaN],
        [s.valley_fastai.lr],
        1e-6,
        0,
        "valley lr",
      );
      expectClose(
        [run.suggestions.minimum_ema?.lr ?? NaN],
        [s.minimum_div_10.suggested_lr],
        1e-6,
        0,
        "minimum lr",
      );
    },
  );
});
