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
  /**
   * A shared flag (Int32Array over a SharedArrayBuffer): set element 0 to 1 and every sweep
   * stops after its current step with "interrupted". Sweeps then always run on workers, so
   * this thread stays free to notice a Ctrl-C.
   */
  abort?: Int32Array;
  onStep?: (job: number, step: number, total: number) => void;
}

/** Messages from a worker: progress now and then, a result at the end of each job. */
export type WorkerMessage =
  | { type: "step"; job: number; step: number; total: number }
  | { type: "done"; job: number; result: SweepResult }
  | { type: "error"; job: number; message: string; stack: string };

const WORKER_URL = new URL("./worker.js", import.meta.url);

/**
 * How many worker threads a run of `jobs` sweeps will use; 0 means this thread. With an abort
 * flag even one sweep gets a worker, so that Ctrl-C can reach it.
 */
export function workerCount(jobs: number, requested?: number, interruptible = false): number {
  // the compiled worker exists only in dist/; from sources (tests) run in this thread
  if (!existsSync(fileURLToPath(WORKER_URL))) return 0;
  const threads = Math.max(1, Math.min(requested ?? availableParallelism(), jobs));
  return threads === 1 && !interruptible ? 0 : threads;
}

/** A fresh shared abort flag for PoolOptions.abort. */
export function createAbortFlag(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** A sweep's view of an abort flag. */
export function abortSignal(flag: Int32Array | undefined): { aborted: boolean } | undefined {
  if (flag === undefined) return undefined;
  return {
    get aborted() {
      return Atomics.load(flag, 0) === 1;
    },
  };
}

/**
 * Every job's SweepResult, in job order. runSweep is a pure function of its input, so
 * the results do not depend on how jobs are spread over threads.
 */
export async function runSweeps(dataset: Dataset, jobs: SweepJob[], options: PoolOptions = {}) {
  const threads = workerCount(jobs.length, options.workers, options.abort !== undefined);
  if (threads === 0) {
    const signal = abortSignal(options.abort);
    return jobs.map((job, j) =>
      runSweep({ ...job, dataset, signal, onStep: (s, n) => options.onStep?.(j, s, n) }),
    );
  }

  const results = new Array<SweepResult>(jobs.length);
  let next = 0;
  const workers = Array.from(
    { length: threads },
    () =>
      new Worker(WORKER_URL, {
        workerData: { dataset, abort: options.abort },
      }),
  );

  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
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
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }

  return results;
}
