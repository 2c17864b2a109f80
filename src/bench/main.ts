// `npm run bench [-- options]`: training throughput of W1–W3 on both kernel paths, per
// optimizer, and the cost of loading a large CSV. Progress goes to stderr; the report (or
// with --json one JSON document) to stdout. Not part of the tests: it takes minutes.

import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Split } from "../data/types.js";
import type { KernelPath } from "../model/kernels/kernel-path.js";
import { kernelsWasmFailure, kernelsWasmModule } from "../model/wasm/kernels-module.js";
import type { OptimizerInput } from "../optim/schema.js";
import { benchCsvLoad } from "./csv-load.js";
import { benchParallel } from "./parallel.js";
import { renderReport, type BenchResult, type StepResult } from "./report.js";
import { syntheticSplit } from "./synthetic.js";
import { cpuProbe, PEER_TIMING, timeSteps, type TimingOptions } from "./timing.js";
import { findTorch, runTorch, writePeerData } from "./torch-peer.js";
import { createTrainStep } from "./train-step.js";
import {
  BENCH_OPTIMIZERS,
  flopsPerSample,
  OWN_OPTIMIZER,
  REFERENCE_PROBE_GFLOPS,
  WORKLOADS,
  WORKLOAD_IDS,
  type Workload,
  type WorkloadId,
} from "./workloads.js";

const USAGE = `usage: npm run bench -- [options]
  --json              print one JSON document instead of tables
  --quick             short timing windows, 1 round, 10 MB CSV (a smoke test, not figures)
  --rounds N          rounds of the main table, interleaved; the median is kept (default 3)
  --workloads LIST    e.g. W1,W3 (default W1,W2,W3)
  --all-optimizers    every optimizer on every chosen workload (default: on W1 only)
  --csv-mb N          size of the generated CSV (default 50)
  --no-csv            skip the CSV load
  --no-parallel       skip the 1-vs-2 worker comparison
  --torch auto|off    run PyTorch side by side when python3 has torch (default auto)
  --peers DIR         where torch_bench.py is (default ../shared/bench-peers)`;

interface Options {
  json: boolean;
  timing: TimingOptions;
  rounds: number;
  workloads: Workload[];
  allOptimizers: boolean;
  csvMb: number | null;
  parallel: boolean;
  torch: boolean;
  peers: string;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: "boolean", default: false },
      quick: { type: "boolean", default: false },
      rounds: { type: "string" },
      workloads: { type: "string", default: WORKLOAD_IDS.join(",") },
      "all-optimizers": { type: "boolean", default: false },
      "csv-mb": { type: "string" },
      "no-csv": { type: "boolean", default: false },
      "no-parallel": { type: "boolean", default: false },
      torch: { type: "string", default: "auto" },
      peers: { type: "string", default: "../shared/bench-peers" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    process.exit(0);
  }

  const quick = values.quick;
  const timing = quick
    ? { warmupSeconds: 0.3, measureSeconds: 0.5, minWarmupSteps: 5, minMeasureSteps: 3 }
    : PEER_TIMING;
  const ids = values.workloads.split(",").map((s) => s.trim().toUpperCase());
  for (const id of ids) {
    if (!(WORKLOAD_IDS as readonly string[]).includes(id)) {
      fail(`--workloads: expected a list of W1, W2, W3, got "${id}"`);
    }
  }
  if (values.torch !== "auto" && values.torch !== "off") {
    fail(`--torch: expected auto or off, got "${values.torch}"`);
  }

  return {
    json: values.json,
    timing,
    rounds: positiveInt("--rounds", values.rounds, quick ? 1 : 3),
    workloads: ids.map((id) => WORKLOADS[id as WorkloadId]),
    allOptimizers: values["all-optimizers"],
    csvMb: values["no-csv"] ? null : positiveInt("--csv-mb", values["csv-mb"], quick ? 10 : 50),
    parallel: !values["no-parallel"],
    torch: values.torch === "auto",
    peers: resolve(values.peers),
  };
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const wasm = kernelsWasmModule() !== null;
  const paths: KernelPath[] = wasm ? ["ts", "wasm"] : ["ts"];
  const probeBefore = cpuProbe();
  const data = new Map(opts.workloads.map((w) => [w, syntheticSplit(w)] as const));

  // the main table: rounds interleave paths (and PyTorch) so drift hits all alike
  const torchOff = { ok: false as const, why: "--torch off" };
  const torch = opts.torch ? await findTorch(opts.peers) : torchOff;
  const peerData = torch.ok ? await mkdtemp(join(os.tmpdir(), "lr-find-peer-data-")) : "";
  if (torch.ok) await writePeerData(peerData, data);
  const rounds = new Map<string, number[]>();
  const steps = new Map<string, StepResult>();
  const torchRounds = new Map<WorkloadId, number[]>();
  let torchBlas = "";

  for (let round = 0; round < opts.rounds; round++) {
    for (const w of opts.workloads) {
      for (const path of paths) {
        const own = BENCH_OPTIMIZERS[OWN_OPTIMIZER[w.id]];
        const name = OWN_OPTIMIZER[w.id];
        const s = measure(w, data.get(w) as Split, path, name, own.input, w.lr, opts);
        const key = `${w.id} ${path}`;
        rounds.set(key, [...(rounds.get(key) ?? []), s.samplesPerS]);
        steps.set(key, s);
      }
      if (torch.ok) {
        const v = await runTorch(torch.python, torch.script, w.id, peerData);
        torchRounds.set(w.id, [...(torchRounds.get(w.id) ?? []), v.samplesPerS]);
        torchBlas = v.blas;
        progress(`${w.id} pytorch (1 thread): ${Math.round(v.samplesPerS)} samples/s`);
      }
    }
  }
  if (torch.ok) await rm(peerData, { recursive: true, force: true });
  const training = [...steps.entries()].map(([key, s]) => withMedian(s, rounds.get(key) ?? []));

  // optimizers: one round each, on W1 unless asked for all
  const optimizers: StepResult[] = [];
  const optWorkloads = opts.allOptimizers ? opts.workloads : opts.workloads.filter(isW1);
  for (const w of optWorkloads) {
    for (const [name, o] of Object.entries(BENCH_OPTIMIZERS)) {
      for (const path of paths) {
        optimizers.push(measure(w, data.get(w) as Split, path, name, o.input, o.lr, opts));
      }
    }
  }

  const probeAfter = cpuProbe();
  if (opts.csvMb !== null) progress(`writing and loading a ${opts.csvMb} MB CSV`);
  const csv = opts.csvMb === null ? null : await benchCsvLoad(opts.csvMb);
  const probe = Math.max(probeBefore, probeAfter);
  if (opts.parallel) progress("timing a 4-repeat range test on 1 and 2 worker threads");
  const parallel = opts.parallel
    ? await benchParallel(opts.timing === PEER_TIMING ? 1000 : 200)
    : null;

  const result: BenchResult = {
    env: {
      node: process.version,
      v8: process.versions.v8,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "unknown CPU",
      wasm: wasm ? "available" : `not available (${kernelsWasmFailure()})`,
    },
    probe: {
      gflops: probe,
      reference: REFERENCE_PROBE_GFLOPS,
      speed: probe / REFERENCE_PROBE_GFLOPS,
    },
    training,
    optimizers,
    torch: {
      note: torch.ok
        ? `measured now, ${torch.python} ${torch.script}, OpenBLAS kernels ${torchBlas}`
        : `not run (${torch.why})`,
      samplesPerS: Object.fromEntries([...torchRounds].map(([id, v]) => [id, median(v)])),
    },
    csv,
    parallel,
  };
  process.stdout.write(opts.json ? JSON.stringify(result, null, 2) + "\n" : renderReport(result));
}

function measure(
  w: Workload,
  data: Split,
  path: KernelPath,
  optimizer: string,
  input: OptimizerInput,
  lr: number,
  opts: Options,
): StepResult {
  const t = createTrainStep(w, data, path, input, lr);
  const timed = timeSteps(t.step, w.batch, opts.timing);
  const s: StepResult = {
    workload: w.id,
    kernels: t.kernels,
    optimizer,
    samplesPerS: timed.samplesPerS,
    gflops: (timed.samplesPerS * flopsPerSample(w.sizes)) / 1e9,
    msPerStep: timed.msPerStep,
    lastLoss: timed.lastLoss,
    rounds: [timed.samplesPerS],
  };
  progress(`${w.id} ${t.kernels} ${optimizer}: ${Math.round(s.samplesPerS)} samples/s`);
  return s;
}

// The step figures of the median round, all rounds' samples/s kept for the spread.
function withMedian(last: StepResult, all: number[]): StepResult {
  const m = median(all);
  const scale = m / last.samplesPerS;
  return {
    ...last,
    samplesPerS: m,
    gflops: last.gflops * scale,
    msPerStep: last.msPerStep / scale,
    rounds: all,
  };
}

function median(v: number[]): number {
  const s = v.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function isW1(w: Workload): boolean {
  return w.id === "W1";
}

function positiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) fail(`${flag}: expected a positive integer, got "${value}"`);
  return n;
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n${USAGE}\n`);
  process.exit(2);
}

await main();
