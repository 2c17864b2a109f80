// The main job as a plain async function: spec in, result out. Tests call it without argv.

import { readFileSync } from "node:fs";

import { loadDataset } from "../data/load-dataset.js";
import type { Dataset } from "../data/types.js";
import { LrFindError } from "../errors.js";
import { initPytorchDefault } from "../model/init.js";
import { createMlp, type MlpShape } from "../model/mlp.js";
import { loadWeights } from "../model/weights.js";
import { createRng } from "../random.js";
import type { ResolvedSpec } from "../spec/load-spec.js";
import { singleBatchSpike, sweepLongerThanData, type Guard } from "../suggest/guards.js";
import { suggest, type SuggestMethod, type SuggestOutcome } from "../suggest/suggest.js";
import { runSweep } from "../sweep/run-sweep.js";
import type { SweepResult } from "../sweep/types.js";
import { VERSION } from "../version.js";

/** One sweep with what was read off its curve; guards are merged into `warnings`. */
export type RunResult = SweepResult & Omit<SuggestOutcome, "lagfree" | "guards">;

/** Everything a range test produced; the JSON output is this object. */
export interface RangeTestResult {
  schema_version: 1;
  version: string;
  spec: ResolvedSpec & { seed: number };
  data: ReturnType<typeof describeData>;
  model: { sizes: number[]; activation: string; loss: string; parameters: number };
  suggestion: { lr: number; method: string } | null;
  range: { min: number; max: number; rule: string } | null;
  reason: string | null;
  runs: RunResult[];
  warnings: Guard[];
}

export interface RangeTestOptions {
  signal?: { aborted: boolean };
  onStep?: (run: number, step: number, total: number) => void;
}

/** Load the data, sweep every optimizer from the same initial weights, read suggestions. */
export async function runRangeTest(
  spec: ResolvedSpec & { seed: number },
  options: RangeTestOptions = {},
): Promise<RangeTestResult> {
  const dataset = await loadDataset(spec.data, spec.seed);
  const shape = modelShape(spec, dataset);
  const initialParams = initialWeights(spec, shape);

  const runs: RunResult[] = spec.optimizers.map((optimizer, r) => {
    const sweep = runSweep({
      dataset,
      shape,
      initialParams,
      optimizer,
      sweep: spec.sweep,
      shuffle: spec.data.shuffle,
      seed: spec.seed,
      signal: options.signal,
      onStep: (step, total) => options.onStep?.(r, step, total),
    });
    return readCurve(sweep, spec.suggest.method);
  });

  const first = runs[0];
  const warnings: Guard[] = [
    ...dataset.info.warnings.map((message) => ({ code: "data", message })),
    ...runs.flatMap((r) =>
      r.warnings.map((w) => (runs.length > 1 ? { ...w, message: `${r.optimizer}: ${w.message}` } : w)),
    ),
  ];
  return {
    schema_version: 1,
    version: VERSION,
    spec,
    data: describeData(dataset),
    model: {
      sizes: shape.sizes,
      activation: shape.activation,
      loss: shape.loss,
      parameters: createMlp(shape, 1).layout.total,
    },
    suggestion: first.pick ? { lr: first.pick.lr, method: first.pick.method } : null,
    range: first.range,
    reason: first.reason,
    runs,
    warnings,
  };
}

/** Suggestions, range and guard rails for one sweep; lag-free values joined to the points. */
export function readCurve(sweep: SweepResult, method: SuggestMethod): RunResult {
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
export function initialWeights(spec: ResolvedSpec & { seed: number }, shape: MlpShape): Float32Array {
  const net = createMlp(shape, 1);
  const file = spec.model.weights;
  if (file === undefined) {
    initPytorchDefault(net, createRng(spec.seed));
    return net.params as Float32Array;
  }

  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : "not valid JSON";
    throw new LrFindError("model.weights", `model.weights: ${file}: ${why}`, { file, path: "model.weights" });
  }
  loadWeights(value, net.layout, net.params, file);
  return net.params as Float32Array;
}

/** The `data` block of every result. */
export function describeData(dataset: Dataset) {
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
