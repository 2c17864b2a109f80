// The peers' timing protocol (bench-peers/README.md, "Timing"), so figures compare: a
// warm-up of at least 1 s and 20 steps, then one window of at least 2 s and 5 steps.

import { performance } from "node:perf_hooks";

export interface TimingOptions {
  warmupSeconds: number;
  measureSeconds: number;
  minWarmupSteps: number;
  minMeasureSteps: number;
}

export const PEER_TIMING: TimingOptions = {
  warmupSeconds: 1,
  measureSeconds: 2,
  minWarmupSteps: 20,
  minMeasureSteps: 5,
};

/** What one timed window measured. */
export interface Timed {
  steps: number;
  seconds: number;
  samplesPerS: number;
  msPerStep: number;
  firstLoss: number;
  lastLoss: number;
}

/** Run `step` (one training step of `batch` samples) under the protocol. */
export function timeSteps(step: () => number, batch: number, t: TimingOptions): Timed {
  const firstLoss = step();
  let warm = 1;
  const t0 = performance.now();
  while (warm < t.minWarmupSteps || performance.now() - t0 < 1000 * t.warmupSeconds) {
    step();
    warm++;
  }

  let steps = 0;
  let lastLoss = firstLoss;
  const t1 = performance.now();
  let now = t1;
  while (steps < t.minMeasureSteps || now - t1 < 1000 * t.measureSeconds) {
    lastLoss = step();
    steps++;
    now = performance.now();
  }

  const seconds = (now - t1) / 1000;
  return {
    steps,
    seconds,
    samplesPerS: (steps * batch) / seconds,
    msPerStep: (1000 * seconds) / steps,
    firstLoss,
    lastLoss,
  };
}

/**
 * Scalar floating-point speed of this machine right now, in GFLOP/s: eight independent
 * chains of c = c·a + b, bound by the latency of a multiply and an add. The baseline run
 * measured the same quantity, so the ratio of the two says how this machine compares.
 */
export function cpuProbe(iterations = 1e8): number {
  chains(1e6);
  const t0 = performance.now();
  const sink = chains(iterations);
  const seconds = (performance.now() - t0) / 1000;
  if (Number.isNaN(sink)) return NaN;
  return (16 * iterations) / seconds / 1e9;
}

function chains(n: number): number {
  const a = 0.999999;
  const b = 1e-9;
  let c0 = 0,
    c1 = 0,
    c2 = 0,
    c3 = 0,
    c4 = 0,
    c5 = 0,
    c6 = 0,
    c7 = 0;
  for (let i = 0; i < n; i++) {
    c0 = c0 * a + b;
    c1 = c1 * a + b;
    c2 = c2 * a + b;
    c3 = c3 * a + b;
    c4 = c4 * a + b;
    c5 = c5 * a + b;
    c6 = c6 * a + b;
    c7 = c7 * a + b;
  }
  return c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7;
}
