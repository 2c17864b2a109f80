import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { backward, createMlp, forward, lossAndOutputGrad, zeroGrad } from "../../src/model/mlp.js";
import { paramGroups } from "../../src/model/layout.js";
import { createOptimizer } from "../../src/optim/create-optimizer.js";
import { optimizerInputSchema } from "../../src/optim/schema.js";
import golden from "../golden/range_test_iris.json" with { type: "json" };
import { runCli, tempDir } from "../helpers/cli.js";
import { expectClose } from "../helpers/tolerance.js";

// Through the CLI, a range test with each optimizer must be the composition of the MLP
// gradients and the update rule, both checked against PyTorch elsewhere (mlp_grads.json,
// optimizers.json). The reference here composes them in float64, step by step, on the golden
// Iris batches; the CLI runs in float32.
const OPTIMIZERS: [string, unknown][] = [
  ["sgd", "sgd"],
  ["sgd momentum", { name: "sgd", momentum: 0.9 }],
  ["sgd nesterov", { name: "sgd", momentum: 0.9, nesterov: true }],
  ["sgd weight decay", { name: "sgd", weight_decay: 0.01 }],
  ["adagrad", "adagrad"],
  ["rmsprop centered", { name: "rmsprop", centered: true }],
  ["rmsprop momentum", { name: "rmsprop", momentum: 0.9 }],
  ["adam", "adam"],
  ["adam amsgrad", { name: "adam", amsgrad: true, betas: [0.9, 0.9] }],
  ["adamw", { name: "adamw", weight_decay: 0.1 }],
  ["lars", { name: "lars", trust_coefficient: 0.01 }],
];
const N = 40;
const START = 1e-5;
const END = 1e-1;

function reference(optimizer: unknown): number[] {
  const { data, initial_weights: w } = golden;
  const net = createMlp(
    { sizes: [4, 16, 3], activation: "relu", loss: "cross_entropy" },
    16,
    "float64",
    "ts",
  );
  const flat = [w.W1.flat(), w.b1, w.W2.flat(), w.b2].flat();
  net.params.set(flat);
  const opt = createOptimizer(
    optimizerInputSchema.parse(optimizer),
    paramGroups(net.layout),
    net.layout.total,
    net.params,
  );
  const x = new Float64Array(16 * 4);
  const y = new Float64Array(16);
  const losses: number[] = [];

  for (let i = 0; i < N; i++) {
    data.batches[i].forEach((row, k) => {
      x.set(data.X_standardized[row], k * 4);
      y[k] = data.y[row];
    });
    zeroGrad(net);
    forward(net, x, 16);
    losses.push(lossAndOutputGrad(net, y, 0, 16));
    backward(net, x, 16);
    opt.step(net.params, net.grads, START * (END / START) ** (i / (N - 1)));
  }
  return losses;
}

describe("a range test is the composition of golden gradients and golden update rules", () => {
  const tmp = tempDir();
  const results = new Map<string, number[]>();

  beforeAll(async () => {
    const { data, initial_weights: w } = golden;
    const rows = data.permutation.map((r) => [...data.X_standardized[r], data.y[r]].join(","));
    writeFileSync(join(tmp.dir, "iris.csv"), ["f1,f2,f3,f4,species", ...rows].join("\n"));
    writeFileSync(
      join(tmp.dir, "weights.json"),
      JSON.stringify({
        layers: [
          { weight: w.W1, bias: w.b1 },
          { weight: w.W2, bias: w.b2 },
        ],
      }),
    );

    for (const [name, optimizer] of OPTIMIZERS) {
      const file = join(tmp.dir, `${name.replace(/ /g, "-")}.json`);
      writeFileSync(
        file,
        JSON.stringify({
          data: { path: "iris.csv", target: "species", shuffle: false, standardize: false },
          model: { hidden: [16], weights: "weights.json" },
          optimizer,
          sweep: { start_lr: START, end_lr: END, iterations: N, batch_size: 16, divergence: false },
          seed: 0,
        }),
      );
      const run = await runCli([file, "--json", "--quiet", "--workers", "1"]);
      expect(run.code, run.stderr).toBe(0);
      results.set(
        name,
        JSON.parse(run.stdout).runs[0].points.map((p: { loss: number }) => p.loss),
      );
    }
  });
  afterAll(() => tmp.cleanup());

  it.each(OPTIMIZERS.map(([name, opt]) => [name, opt] as const))(
    "%s: every step's loss matches the float64 composition to float32 precision",
    (name, optimizer) => {
      expectClose(results.get(name) ?? [], reference(optimizer), 1e-3, 1e-6, name);
    },
  );

  it("measures the same step-1 loss for every optimizer (state isolation)", () => {
    expect(new Set([...results.values()].map((l) => l[0])).size).toBe(1);
  });
});
