import { describe, expect, it } from "vitest";

import { createMlp } from "../../src/model/mlp.js";
import { initPytorchDefault } from "../../src/model/init.js";
import { optimizerInputSchema } from "../../src/optim/schema.js";
import { createRng } from "../../src/random.js";
import { suggest } from "../../src/suggest/suggest.js";
import { sweepSchema } from "../../src/sweep/schema.js";
import { runSweep } from "../../src/sweep/run-sweep.js";
import type { Dataset } from "../../src/data/types.js";
import type { MlpShape } from "../../src/model/mlp.js";
import { bl01, makeDataset } from "../helpers/dataset.js";

function sweepOn(
  dataset: Dataset,
  sweep: Record<string, unknown>,
  optimizer: unknown = "sgd",
  options: { hidden?: number[]; shuffle?: boolean; seed?: number } = {},
) {
  const outputs = dataset.task === "classification" ? dataset.classes.length : 1;
  const shape: MlpShape = {
    sizes: [dataset.features, ...(options.hidden ?? [8]), outputs],
    activation: "relu",
    loss: dataset.task === "classification" ? "cross_entropy" : "mse",
  };
  const net = createMlp(shape, 1);
  initPytorchDefault(net, createRng(options.seed ?? 1));
  // iterations below the spec minimum are allowed here to test the ladder itself
  const config = sweepSchema.parse({ ...sweep, iterations: 20 });
  return runSweep({
    dataset,
    shape,
    initialParams: net.params as Float32Array,
    optimizer: optimizerInputSchema.parse(optimizer),
    sweep: { ...config, iterations: (sweep.iterations as number) ?? config.iterations },
    shuffle: options.shuffle ?? false,
    seed: options.seed ?? 1,
  });
}

describe("the lr ladder and the loss it is paired with (BL-07)", () => {
  it("visits both end points exactly: 1e-4, 1e-3, 1e-2, 1e-1, 1 over 5 steps", () => {
    const short = runShort(5);
    const want = [1e-4, 1e-3, 1e-2, 1e-1, 1];
    short.forEach((lr, i) => expect(Math.abs(lr - want[i]) / want[i]).toBeLessThan(1e-12));
  });

  it("keeps a constant ratio between consecutive learning rates over 40 steps", () => {
    const r = sweepOn(bl01(), {
      start_lr: 1e-4,
      end_lr: 1,
      iterations: 40,
      batch_size: 4,
      divergence: false,
    });
    const ratios = r.points.slice(1).map((p, i) => p.lr / r.points[i].lr);
    for (const q of ratios) expect(Math.abs(q / ratios[0] - 1)).toBeLessThan(1e-12);
  });

  it("records at each step the loss of its batch measured before that step's update", () => {
    const a = sweepOn(bl01(), { start_lr: 1e-4, end_lr: 1, iterations: 40, batch_size: 4 });
    // the same run with 10× larger rates from step 1 on still has the same step-0 loss
    const b = sweepOn(bl01(), { start_lr: 1e-3, end_lr: 10, iterations: 40, batch_size: 4 });
    expect(a.points[0].loss).toBe(b.points[0].loss);
    expect(a.points[1].loss).not.toBe(b.points[1].loss);
  });

  function runShort(n: number): number[] {
    const r = sweepOn(bl01(), {
      start_lr: 1e-4,
      end_lr: 1,
      iterations: n,
      batch_size: 4,
      divergence: false,
    });
    return r.points.map((p) => p.lr);
  }
});

describe("data shorter than the sweep (BL-04)", () => {
  const rows = Array.from({ length: 12 }, (_, i) => [i / 11, ((i * 7) % 12) / 11]);
  const y = rows.map(([a, b]) => 2 * a - b + 0.5);
  const data = makeDataset(rows, y, "regression");

  it("runs all 20 steps over 3 batches per epoch by cycling through the data", () => {
    const r = sweepOn(
      data,
      { start_lr: 1e-5, end_lr: 1e-2, iterations: 20, batch_size: 4 },
      "sgd",
      { shuffle: true },
    );
    expect(r.points).toHaveLength(20);
    expect(r.batches_per_epoch).toBe(3);
    expect(r.epochs).toBeCloseTo(20 / 3, 10);
    expect(r.stop.reason).toBe("completed");
  });
});

describe("divergence stop (BL-06)", () => {
  const x = [0, 0.5, 1, 1.5, 2, 2.5].map((v) => [v]);
  const y = x.map(([v]) => 2 * v);
  const data = makeDataset(x, y, "regression");

  it("does not fire on rounding noise once a noise-free loss is near zero", () => {
    const r = sweepOn(
      data,
      { start_lr: 1e-4, end_lr: 10, iterations: 100, batch_size: 6, divergence: 4 },
      { name: "sgd", momentum: 0.9 },
    );
    const first = r.points[0].smoothed_loss as number;
    if (r.stop.reason === "diverged") {
      const at = r.points[r.stop.step].smoothed_loss as number;
      expect(at).toBeGreaterThan(4 * 0.01 * first);
      expect(r.stop.message).toMatch(/step \d+: lr .*, smoothed loss .* > 4 × best/);
    }
  });

  it("runs every step while the loss is finite when the stop is off", () => {
    const r = sweepOn(
      data,
      { start_lr: 1e-4, end_lr: 10, iterations: 100, batch_size: 6, divergence: false },
      { name: "sgd", momentum: 0.9 },
    );
    if (r.stop.reason === "non_finite") {
      expect(r.stop.message).toMatch(/^divergence stop disabled; stopped at step \d+/);
    } else {
      expect(r.points).toHaveLength(100);
      expect(r.stop.reason).toBe("completed");
    }
  });
});

describe("non-finite losses (BL-01)", () => {
  it("stops on the first non-finite loss, keeps it as null, and names the step", () => {
    const r = sweepOn(
      bl01(),
      { start_lr: 1e-4, end_lr: 1e3, iterations: 80, batch_size: 4, divergence: false },
      { name: "sgd", momentum: 0.9 },
    );
    expect(r.stop.reason).toBe("non_finite");
    const last = r.points[r.points.length - 1];
    expect(last.loss).toBeNull();
    expect(last.smoothed_loss).toBeNull();
    expect(r.usable).toBeLessThanOrEqual(r.points.length - 1);
    expect(r.stop.message).toContain(`step ${last.step}`);

    // the suggestion uses only finite points before the blow-up
    const lr = r.points.map((p) => p.lr);
    const raw = r.points.map((p) => p.loss ?? NaN);
    const smoothed = r.points.map((p) => p.smoothed_loss ?? NaN);
    const outcome = suggest(lr, raw, smoothed, r.usable, "valley");
    expect(outcome.pick).not.toBeNull();
    expect(outcome.pick?.lr).toBeLessThan(last.lr);
  });
});

describe("smoothing starts from the first loss (BL-11)", () => {
  const x = Array.from({ length: 10 }, (_, i) => [i % 2, (i * 3) % 5]);
  const y = x.map((_, i) => i % 2);
  const data = makeDataset(x, y, "classification");

  it("gives a first smoothed value equal to the first loss and stays near it", () => {
    const r = sweepOn(data, {
      start_lr: 1e-7,
      end_lr: 1e-6,
      iterations: 20,
      batch_size: 10,
      smoothing: 0.98,
    });
    const first = r.points[0].loss as number;
    expect(r.points[0].smoothed_loss).toBe(first);
    for (const p of r.points)
      expect(Math.abs((p.smoothed_loss as number) - first)).toBeLessThan(1e-4);
  });
});

describe("gradient accumulation (BL-12)", () => {
  const rows = Array.from({ length: 8 }, (_, i) => [i / 7, ((i * 5) % 8) / 7]);
  const data = makeDataset(
    rows,
    rows.map(([a, b]) => a + 2 * b),
    "regression",
  );

  it("gives the same lr and loss columns for 2 rows × 4 micro-batches as for batches of 8", () => {
    const base = { start_lr: 1e-3, end_lr: 1, iterations: 10, divergence: false };
    const a = sweepOn(data, { ...base, batch_size: 2, accumulate: 4 });
    const b = sweepOn(data, { ...base, batch_size: 8, accumulate: 1 });
    expect(a.points.map((p) => p.lr)).toEqual(b.points.map((p) => p.lr));
    a.points.forEach((p, i) => {
      const want = b.points[i].loss as number;
      expect(Math.abs((p.loss as number) - want) / want).toBeLessThan(1e-5);
    });
  });
});

describe("state is not shared between sweeps (BL-08)", () => {
  it("measures a bit-identical step-1 loss for every optimizer from the same weights", () => {
    const losses = ["sgd", "adam", { name: "rmsprop" }, "adamw"].map(
      (opt) => sweepOn(bl01(), { batch_size: 4 }, opt, { seed: 3, shuffle: true }).points[0].loss,
    );
    expect(new Set(losses).size).toBe(1);
  });
});
