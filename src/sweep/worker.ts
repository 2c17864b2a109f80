// Worker-thread entry: receives the dataset once, then runs the sweeps it is sent.

import { parentPort, workerData } from "node:worker_threads";

import type { Dataset } from "../data/types.js";
import { abortSignal, type SweepJob, type WorkerMessage } from "./pool.js";
import { runSweep } from "./run-sweep.js";

const PROGRESS_EVERY = 10;
const { dataset, abort } = workerData as { dataset: Dataset; abort?: Int32Array };
const signal = abortSignal(abort);
const port = parentPort;

port?.on("message", ({ job, input }: { job: number; input: SweepJob }) => {
  const send = (msg: WorkerMessage) => port.postMessage(msg);
  try {
    const result = runSweep({
      ...input,
      dataset,
      signal,
      onStep: (step, total) => {
        if (step % PROGRESS_EVERY === 0) send({ type: "step", job, step, total });
      },
    });
    send({ type: "done", job, result });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    send({ type: "error", job, message: e.message, stack: e.stack ?? "" });
  }
});
