// The main job as a plain async function: spec in, result out. Tests call it without argv.

import { loadDataset } from "../data/load-dataset.js";
import type { Dataset, LoadProgress } from "../data/types.js";
import { initPytorchDefault } from "../model/init.js";
import { createLayout } from "../model/layout.js";
import type { MlpShape } from "../model/mlp.js";
import { loadWeights } from "../model/weights.js";
import { createRng, deriveSeed } from "../random.js";
import type { ResolvedSpec } from "../spec/load-spec.js";
import { singleBatchSpike, sweepLongerThanData, type Guard } from "../suggest/guards.js";
import { suggest, type SuggestMethod, type SuggestOutcome } from "../suggest/suggest.js";
import { runSweeps, workerCount, type SweepJob } from "../sweep/pool.js";
import { summariseRepeats, type RepeatSummary } from "../suggest/repeats.js";
import type { SweepResult } from "../sweep/types.js";
import { VERSION } from "../version.js";
import {
  SCHEMA_VERSION,
  type DataSummary,
  type RangeTestResult,
  type RunResult,
} from "./result-schema.js";
import { readJsonFile } from "./read-json.js";
import { specHash } from "./spec-hash.js";

export type { RangeTestResult, RunResult };

export interface RangeTestOptions {
  /** Worker threads for the sweeps (default: all cores); 1 runs them in this thread. */
  workers?: number;
  /** Shared abort flag (see PoolOptions.abort): the sweeps stop with "interrupted". */
  abort?: Int32Array;
  onStep?: (run: number, step: number, total: number) => void;
  onLoad?: (info: LoadProgress) => void;
}

/** The seed of repeat r: the spec's seed for the first, derived ones after it. */
export function repeatSeed(seed: number, r: number): number {
  return r === 0 ? seed : deriveSeed(seed, r);
}

/**
 * Load the data, then sweep every optimizer × repeat; within a repeat every optimizer starts
 * from the same weights and data order. Sweeps run on worker threads; results are identical
 * to a serial run.
 */
export async function runRangeTest(
  spec: ResolvedSpec & { seed: number },
  options: RangeTestOptions = {},
): Promise<RangeTestResult> {
  const started = performance.now();
  const dataset = await loadDataset(spec.data, spec.seed, { onProgress: options.onLoad });
  const shape = modelShape(spec, dataset);
  const repeats = spec.sweep.repeats;

  const jobs: SweepJob[] = [];
  for (let r = 0; r < repeats; r++) {
    const seed = repeatSeed(spec.seed, r);
    const initialParams = initialWeights({ ...spec, seed }, shape);
    for (const optimizer of spec.optimizers) {
      jobs.push({
        shape,
        initialParams,
        optimizer,
        sweep: spec.sweep,
        shuffle: spec.data.shuffle,
        seed,
      });
    }
  }

  const sweeps = await runSweeps(dataset, jobs, {
    workers: options.workers,
    abort: options.abort,
    onStep: options.onStep,
  });
  const runs = sweeps.map((sweep, j) => ({
    ...readCurve(sweep, spec.suggest.method),
    repeat: Math.floor(j / spec.optimizers.length),
  }));
  const summaries =
    repeats > 1
      ? spec.optimizers.map((opt, o) =>
          summariseRepeats(
            opt.name,
            runs.filter((_, j) => j % spec.optimizers.length === o),
            spec.suggest.method,
          ),
        )
      : null;

  const first = runs[0];
  const labelled = runs.length > 1;
  const warnings: Guard[] = [
    ...dataset.info.warnings.map((message) => ({ code: "data", message })),
    ...runWarnings(runs, labelled, repeats),
    ...(summaries ?? []).flatMap((s) => s.guards),
  ];
  const lead = summaries?.[0];
  const suggestion = lead
    ? lead.suggestion
    : first.pick
      ? { lr: first.pick.lr, method: first.pick.method }
      : null;
  const range = lead ? lead.range : first.range;
  return {
    schema_version: SCHEMA_VERSION,
    version: VERSION,
    spec_hash: specHash(spec),
    spec,
    data: describeData(dataset),
    model: {
      sizes: shape.sizes,
      activation: shape.activation,
      loss: shape.loss,
      parameters: createLayout(shape.sizes).total,
    },
    suggestion,
    range,
    reason: suggestion && range ? null : (first.reason ?? "no seed gave a range"),
    runs,
    repeats: summaries,
    warnings,
    timing: {
      seconds: (performance.now() - started) / 1000,
      workers: Math.max(1, workerCount(jobs.length, options.workers, options.abort !== undefined)),
    },
  };
}

// each run's warnings once, named by optimizer; with repeats, one line per optimizer and code
// saying in how many seeds it came up
function runWarnings(runs: RunResult[], labelled: boolean, repeats: number): Guard[] {
  if (repeats <= 1) {
    return runs.flatMap((r) =>
      r.warnings.map((w) => (labelled ? { ...w, message: `${r.optimizer}: ${w.message}` } : w)),
    );
  }
  const groups = new Map<string, { first: Guard; optimizer: string; count: number }>();
  for (const r of runs) {
    for (const w of r.warnings) {
      const key = `${r.optimizer}\u0000${w.code}`;
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { first: w, optimizer: r.optimizer, count: 1 });
    }
  }
  return [...groups.values()].map(({ first, optimizer, count }) => ({
    code: first.code,
    message: `${optimizer}: ${first.message} (in ${count} of ${repeats} seeds; first seed shown)`,
  }));
}

/** Suggestions, range and guard rails for one sweep; lag-free values joined to the points. */
export function readCurve(sweep: SweepResult, method: SuggestMethod): Omit<RunResult, "repeat"> {
  const lr = sweep.points.map((p) => p.lr);
  const raw = sweep.points.map((p) => p.loss ?? NaN);
  const ema = sweep.points.map((p) => p.smoothed_loss ?? NaN);
  const { lagfree, guards, ...outcome } = suggest(lr, raw, ema, sweep.usable, method);
  const points = sweep.points.map((p, i) => ({
    ...p,
    lagfree_loss: i < lagfree.length ? lagfree[i] : null,
  }));

  const extra = [
    sweep.stop.reason === "diverged" ? singleBatchSpike(raw, sweep.stop.step) : null,
    sweepLongerThanData(sweep.epochs),
  ].filter((g): g is Guard => g !== null);
  return { ...sweep, points, ...outcome, warnings: [...sweep.warnings, ...guards, ...extra] };
}

/** Network widths and loss for this dataset and spec. */
export function modelShape(spec: ResolvedSpec, dataset: Dataset): MlpShape {
  const classification = dataset.task === "classification";
  const outputs = classification ? dataset.classes.length : 1;
  return {
    sizes: [dataset.features, ...spec.model.hidden, outputs],
    activation: spec.model.activation,
    loss: classification ? "cross_entropy" : "mse",
  };
}

/** Initial weights: the spec's weights file, or PyTorch's default init from the seed. */
export function initialWeights(
  spec: ResolvedSpec & { seed: number },
  shape: MlpShape,
): Float32Array {
  // a plain buffer: a network's params may be a view into its wasm memory, and the whole
  // memory would be copied to every worker along with it
  const layout = createLayout(shape.sizes);
  const net = { layout, params: new Float32Array(layout.total) };
  const file = spec.model.weights;
  if (file === undefined) {
    initPytorchDefault(net, createRng(spec.seed));
    return net.params;
  }

  const { value } = readJsonFile(
    file,
    "model.weights",
    'model.weights names a JSON file {"layers": [{"weight", "bias"}, ...]}',
  );
  loadWeights(value, layout, net.params, file);
  return net.params;
}

/** The `data` block of every result. */
export function describeData(dataset: Dataset): DataSummary {
  return {
    file: dataset.info.file,
    task: dataset.task,
    rows: dataset.train.rows + (dataset.validation?.rows ?? 0),
    train_rows: dataset.train.rows,
    validation_rows: dataset.validation?.rows ?? 0,
    rows_read: dataset.info.rowsRead,
    rows_dropped: dataset.info.rowsDropped,
    features: dataset.features,
    feature_names: dataset.featureNames,
    target: dataset.targetName,
    classes: dataset.classes,
    delimiter: dataset.info.delimiter,
    header: dataset.info.header,
    columns: dataset.info.columns,
    target_mean: dataset.info.targetMean ?? null,
    target_std: dataset.info.targetStd ?? null,
  };
}
