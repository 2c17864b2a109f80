// Run independent sweeps on worker threads, one per core, with the same results as in series.

import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

import type { Dataset } from "../data/types.js";
import { runSweep, type SweepInput } from "./run-sweep.js";
import type { SweepResult } from "./types.js";

/** A sweep's input without the dataset, which each worker receives once. */
export type SweepJob = Omit<SweepInput, "dataset" | "signal" | "onStep">;

export interface PoolOptions {
  /** Worker threads to use; 1 runs in this thread. Default: the available cores. */
  workers?: number;
  onStep?: (job: number, step: number, total: number) => void;
}

/** Messages from a worker: progress now and then, a result at the end of each job. */
export type WorkerMessage =
  | { type: "step"; job: number; step: number; total: number }
  | { type: "done"; job: number; result: SweepResult }
  | { type: "error"; job: number; message: string; stack: string };

const WORKER_URL = new URL("./worker.js", import.meta.url);

/** How many threads a run of `jobs` sweeps will use. */
export function workerCount(jobs: number, requested?: number): number {
  const cores = requested ?? availableParallelism();
  // the compiled worker exists only in dist/; from sources (tests) run in this thread
  const canSpawn = existsSync(fileURLToPath(WORKER_URL));
  return canSpawn ? Math.max(1, Math.min(cores, jobs)) : 1;
}

/**
 * Every job's SweepResult, in job order. runSweep is a pure function of its input, so
 * the results do not depend on how jobs are spread over threads.
 */
export async function runSweeps(dataset: Dataset, jobs: SweepJob[], options: PoolOptions = {}) {
  const threads = workerCount(jobs.length, options.workers);
  if (threads <= 1) {
    return jobs.map((job, j) =>
      runSweep({ ...job, dataset, onStep: (s, n) => options.onStep?.(j, s, n) }));
  }

  const results = new Array<SweepResult>(jobs.length);
  let next = 0;
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_URL, {
    workerData: { dataset },
  }));

  try {
    await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
      const feed = () => {
        if (next >= jobs.length) {
          resolve();
          return;
        }
        const job = next++;
        worker.postMessage({ job, input: jobs[job] });
      };
      worker.on("message", (msg: WorkerMessage) => {
        if (msg.type === "step") options.onStep?.(msg.job, msg.step, msg.total);
        else if (msg.type === "done") {
          results[msg.job] = msg.result;
          feed();
        } else {
          const error = new Error(msg.message);
          error.stack = msg.stack;
          reject(error);
        }
      });
      worker.on("error", reject);
      feed();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }

  return results;
}
