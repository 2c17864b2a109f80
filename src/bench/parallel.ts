// How much worker threads buy: the same 4-repeat range test on 1 and on 2 threads.

import { fileURLToPath } from "node:url";

import { runRangeTest } from "../commands/range-test.js";
import { loadSpec } from "../spec/load-spec.js";

export interface ParallelResult {
  config: string;
  repeats: number;
  iterations: number;
  seconds1: number;
  seconds2: number;
  speedup: number;
  identical: boolean;
}

const CONFIG = fileURLToPath(new URL("../../configs/digits.yaml", import.meta.url));

/**
 * Time a 4-repeat digits range test serially and on two workers, with a network large enough
 * (64-256-256-10, batch 64) that a sweep takes a while: starting a worker costs ~0.1 s.
 */
export async function benchParallel(iterations = 1000): Promise<ParallelResult> {
  const base = loadSpec(CONFIG);
  const spec = {
    ...base,
    seed: 11,
    model: { ...base.model, hidden: [256, 256] },
    sweep: { ...base.sweep, repeats: 4, iterations, batch_size: 64 },
  };
  const timed = async (workers: number) => {
    const t0 = performance.now();
    const { timing: _timing, ...result } = await runRangeTest(spec, { workers });
    return { seconds: (performance.now() - t0) / 1000, json: JSON.stringify(result) };
  };

  await timed(2); // warm up both paths (module loading, wasm compilation)
  const one = await timed(1);
  const two = await timed(2);
  return {
    config: "configs/digits.yaml with hidden [256, 256], batch 64",
    repeats: 4,
    iterations,
    seconds1: one.seconds,
    seconds2: two.seconds,
    speedup: one.seconds / two.seconds,
    identical: one.json === two.json,
  };
}
