// The benchmark's text output: plain aligned tables, ratios against the baseline figures.

import type { KernelPath } from "../model/kernels/kernel-path.js";
import type { CsvLoadResult } from "./csv-load.js";
import type { ParallelResult } from "./parallel.js";
import { REFERENCE, REFERENCE_PROBE_GFLOPS, TARGETS, type WorkloadId } from "./workloads.js";

/** One training-step measurement: the median over rounds. */
export interface StepResult {
  workload: WorkloadId;
  kernels: KernelPath;
  optimizer: string;
  samplesPerS: number;
  gflops: number; // at 6 × weights FLOPs per sample
  msPerStep: number;
  lastLoss: number;
  rounds: number[]; // samples/s of each round
}

/** Everything one run measured; also the --json output. */
export interface BenchResult {
  env: { node: string; v8: string; cpus: number; cpu: string; wasm: string };
  probe: { gflops: number; reference: number; speed: number };
  training: StepResult[];
  optimizers: StepResult[];
  torch: { note: string; samplesPerS: Partial<Record<WorkloadId, number>> };
  csv: (CsvLoadResult & { note?: string }) | null;
  parallel: ParallelResult | null;
}

/** The whole report as text. */
export function renderReport(r: BenchResult): string {
  const out: string[] = [];
  const { env, probe } = r;
  out.push(`lr-find bench: Node ${env.node} (V8 ${env.v8}), ${env.cpus} × ${env.cpu}`);
  out.push(`WebAssembly SIMD kernels: ${env.wasm}`);
  out.push(
    `machine probe: ${probe.gflops.toFixed(2)} GFLOP/s scalar; the baseline machine did ` +
      `${probe.reference}, so this one runs at ${probe.speed.toFixed(2)}× its speed now`,
  );
  out.push("");
  out.push("Training steps, 1 thread (samples/s, median of rounds; GFLOP/s at 6 × weights)");
  out.push(
    renderTable(
      trainingHeader(r),
      r.training.map((s) => trainingRow(s, r)),
    ),
  );
  out.push("");
  out.push(...referenceNotes(r));

  if (r.optimizers.length > 0) {
    out.push("");
    out.push("Per optimizer (samples/s)");
    out.push(renderTable(["workload", "optimizer", "ts", "wasm", "wasm / ts"], optimizerRows(r)));
  }

  out.push("");
  out.push(...csvLines(r.csv));
  out.push("", ...parallelLines(r.parallel));
  return out.join("\n") + "\n";
}

function trainingHeader(r: BenchResult): string[] {
  const head = ["workload", "kernels", "optimizer", "samples/s", "GFLOP/s", "ms/step"];
  head.push("× PyTorch ref", "× PyTorch ref, adj.", "× TF.js wasm ref", "target");
  if (Object.keys(r.torch.samplesPerS).length > 0) head.push("PyTorch now", "× PyTorch now");
  return head;
}

function trainingRow(s: StepResult, r: BenchResult): string[] {
  const ref = REFERENCE[s.workload];
  const target = TARGETS[s.workload];
  const row = [
    s.workload,
    s.kernels,
    s.optimizer,
    int(s.samplesPerS),
    s.gflops.toFixed(2),
    s.msPerStep.toFixed(3),
    ratio(s.samplesPerS / ref.pytorch),
    ratio(s.samplesPerS / ref.pytorch / r.probe.speed),
    ratio(s.samplesPerS / ref.tfjsWasm),
    `≥ ${target.pytorch}× / ≥ ${target.tfjsWasm}×`,
  ];
  if (Object.keys(r.torch.samplesPerS).length > 0) {
    const now = r.torch.samplesPerS[s.workload] ?? NaN;
    row.push(int(now), ratio(s.samplesPerS / now));
  }
  return row;
}

function referenceNotes(r: BenchResult): string[] {
  const refs = (["W1", "W2", "W3"] as const)
    .map((id) => `${id} ${int(REFERENCE[id].pytorch)} / ${int(REFERENCE[id].tfjsWasm)}`)
    .join(", ");
  return [
    "Reference figures are NOT measured now: they are the medians of the peers' baseline run",
    "(bench-peers/results-baseline/summary.md), PyTorch 1 thread / TF.js wasm SIMD:",
    `${refs}.`,
    "'adj.' divides the ratio by this machine's speed relative to the baseline machine",
    `(probe ${r.probe.gflops.toFixed(2)} vs ${REFERENCE_PROBE_GFLOPS} GFLOP/s): an estimate, ` +
      "not a measurement.",
    `PyTorch side by side: ${r.torch.note}.`,
  ];
}

function optimizerRows(r: BenchResult): string[][] {
  const rows: string[][] = [];
  const keys = new Set(r.optimizers.map((s) => `${s.workload} ${s.optimizer}`));
  for (const key of keys) {
    const [workload, optimizer] = key.split(" ");
    const find = (k: KernelPath) =>
      r.optimizers.find(
        (s) => s.workload === workload && s.optimizer === optimizer && s.kernels === k,
      );
    const ts = find("ts")?.samplesPerS ?? NaN;
    const wasm = find("wasm")?.samplesPerS ?? NaN;
    rows.push([workload, optimizer, int(ts), int(wasm), ratio(wasm / ts)]);
  }
  return rows;
}

function csvLines(csv: BenchResult["csv"]): string[] {
  if (csv === null) return ["CSV load: skipped (--no-csv)"];
  const head =
    `CSV load through loadDataset (${(csv.bytes / 1e6).toFixed(0)} MB, ` +
    `${csv.features} features + label, in a child process)`;
  if (csv.error !== undefined) return [head, `  failed: ${csv.error}`];
  return [
    head,
    renderTable(
      ["rows", "seconds", "rows/s", "MB/s", "peak RSS MB", "heap after MB"],
      [
        [
          int(csv.rows),
          csv.seconds.toFixed(2),
          int(csv.rowsPerS),
          csv.mbPerS.toFixed(1),
          csv.peakRssMb.toFixed(0),
          csv.heapUsedMb.toFixed(0),
        ],
      ],
    ),
  ];
}

/** Left-align the first columns' text, right-align numbers; columns two spaces apart. */
export function renderTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, j) => Math.max(...all.map((row) => (row[j] ?? "").length)));
  const isNumber = (cell: string | undefined) => /^[-\d.,×≥/ nNa]+$/.test(cell ?? "");
  const numeric = header.map((_, j) => rows.every((row) => isNumber(row[j])));
  const line = (row: string[]) =>
    row
      .map((cell, j) => (numeric[j] ? cell.padStart(widths[j]) : cell.padEnd(widths[j])))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}

function int(v: number): string {
  return Number.isFinite(v) ? Math.round(v).toLocaleString("en-US") : "n/a";
}

function ratio(v: number): string {
  if (!Number.isFinite(v)) return "n/a";
  return `${v < 10 ? v.toFixed(2) : v.toFixed(1)}×`;
}

function parallelLines(p: ParallelResult | null): string[] {
  if (p === null) return ["Worker threads: skipped (--no-parallel)"];
  return [
    `Worker threads: ${p.config}, ${p.repeats} repeats × ${p.iterations} steps (target ≥ 1.7×)`,
    `  1 thread ${p.seconds1.toFixed(2)} s, 2 threads ${p.seconds2.toFixed(2)} s: ` +
      `${p.speedup.toFixed(2)}× faster; results identical: ${p.identical ? "yes" : "NO"}`,
  ];
}
