// The three reference workloads of issue 8 and the figures measured for the peers in the
// baseline run (../shared/bench-peers/results-baseline). Those figures were measured once, on
// another day; `npm run bench` does not measure them again unless PyTorch runs here.

import type { Activation } from "../model/activation.js";
import type { LossKind } from "../model/mlp.js";
import type { OptimizerInput } from "../optim/schema.js";

export const WORKLOAD_IDS = ["W1", "W2", "W3"] as const;
export type WorkloadId = (typeof WORKLOAD_IDS)[number];

/** One training setup: data shape, network, batch and optimizer. */
export interface Workload {
  id: WorkloadId;
  name: string;
  rows: number; // N
  sizes: number[]; // (L + 1,) input width, hidden widths, output width
  activation: Activation;
  loss: LossKind;
  batch: number; // B
  optimizer: OptimizerInput;
  lr: number;
  seed: number; // of the synthetic data
}

export const WORKLOADS: Record<WorkloadId, Workload> = {
  W1: {
    id: "W1",
    name: "digits-size",
    rows: 1797,
    sizes: [64, 64, 10],
    activation: "relu",
    loss: "cross_entropy",
    batch: 32,
    optimizer: { name: "sgd" },
    lr: 0.01,
    seed: 1,
  },
  W2: {
    id: "W2",
    name: "mnist-size",
    rows: 10000,
    sizes: [784, 128, 10],
    activation: "relu",
    loss: "cross_entropy",
    batch: 64,
    optimizer: { name: "adam" },
    lr: 1e-3,
    seed: 2,
  },
  W3: {
    id: "W3",
    name: "wide",
    rows: 20000,
    sizes: [32, 256, 256, 1],
    activation: "relu",
    loss: "mse",
    batch: 128,
    optimizer: { name: "sgd", momentum: 0.9 },
    lr: 0.01,
    seed: 3,
  },
};

/** Optimizers compared on W1 (and on every workload with --all-optimizers). */
export const BENCH_OPTIMIZERS: Record<string, { input: OptimizerInput; lr: number }> = {
  sgd: { input: { name: "sgd" }, lr: 0.01 },
  momentum: { input: { name: "sgd", momentum: 0.9 }, lr: 0.01 },
  adam: { input: { name: "adam" }, lr: 1e-3 },
  adamw: { input: { name: "adamw" }, lr: 1e-3 },
  rmsprop: { input: { name: "rmsprop" }, lr: 1e-3 },
  adagrad: { input: { name: "adagrad" }, lr: 0.01 },
  lars: { input: { name: "lars" }, lr: 0.01 },
};

/** The optimizer label a workload's own setup is reported under. */
export const OWN_OPTIMIZER: Record<WorkloadId, string> = { W1: "sgd", W2: "adam", W3: "momentum" };

/**
 * FLOPs per training sample by the peers' convention, 6 × weights (2 forward, 4 backward).
 * Biases, activations, loss and update are not counted.
 */
export function flopsPerSample(sizes: readonly number[]): number {
  let weights = 0;
  for (let l = 0; l + 1 < sizes.length; l++) weights += sizes[l] * sizes[l + 1];
  return 6 * weights;
}

/** Median samples/s of the baseline run, one thread (results-baseline/summary.md). */
export const REFERENCE: Record<WorkloadId, Record<string, number>> = {
  W1: { pytorch: 166_056, tfjsWasm: 36_819, tfjsCpu: 13_346, plainJs: 107_436 },
  W2: { pytorch: 76_685, tfjsWasm: 5_151, tfjsCpu: 872, plainJs: 8_443 },
  W3: { pytorch: 120_029, tfjsWasm: 5_039, tfjsCpu: 1_239, plainJs: 7_125 },
};

/** Targets of issue 8: samples/s as a multiple of PyTorch 1 thread, and of TF.js wasm. */
export const TARGETS: Record<WorkloadId, { pytorch: number; tfjsWasm: number }> = {
  W1: { pytorch: 1.0, tfjsWasm: 5 },
  W2: { pytorch: 0.3, tfjsWasm: 5 },
  W3: { pytorch: 0.2, tfjsWasm: 5 },
};

/**
 * The baseline run's scalar floating-point probe (js_gemm_micro.mjs, fp_latency_probe_gflops,
 * Node 20). The bench runs its own probe of the same kind to say how fast this machine is
 * today compared with the one the reference figures come from.
 */
export const REFERENCE_PROBE_GFLOPS = 7.29;
