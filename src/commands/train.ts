// `train` as a plain async function: train with the found rate and schedule, or check the
// suggestion by training at multiples of it side by side.

import { loadDataset } from "../data/load-dataset.js";
import type { Dataset } from "../data/types.js";
import { LrFindError } from "../errors.js";
import { parseSchedule } from "../schedule/parse-schedule.js";
import { createSchedule } from "../schedule/create-schedule.js";
import type { Schedule } from "../schedule/types.js";
import type { ResolvedSpec } from "../spec/load-spec.js";
import { runTrain, type TrainResult } from "../train/run-train.js";
import { VERSION } from "../version.js";
import { applyRates, type SavedRates } from "./rates-from-result.js";
import { describeData, initialWeights, modelShape, runRangeTest } from "./range-test.js";

/** Held-out fraction used when the spec sets none: training needs a validation split. */
export const DEFAULT_VALIDATION = 0.2;

export interface TrainOptions {
  /** Constant learning rate (overrides train.lr; ignored when there is a schedule). */
  lr?: number;
  /** Rates from a saved range-test result. */
  rates?: SavedRates;
  onEpoch?: (label: string, epoch: number, total: number) => void;
}

export interface TrainRunResult {
  schema_version: 1;
  version: string;
  spec: ResolvedSpec & { seed: number };
  data: ReturnType<typeof describeData>;
  schedule: { kind: string; steps: number; lr_first: number; lr_max: number; lr_last: number };
  result: Omit<TrainResult, "params">;
  warnings: string[];
  params: Float32Array;
  sizes: number[];
}

/** Train once with the spec's optimizer (the first) and schedule. */
export async function runTraining(
  spec: ResolvedSpec & { seed: number },
  options: TrainOptions = {},
): Promise<TrainRunResult> {
  const { dataset, warnings } = await loadWithValidation(spec);
  const shape = modelShape(spec, dataset);
  const stepsPerEpoch = Math.max(1, Math.floor(dataset.train.rows / spec.train.batch_size));
  const totalSteps = spec.train.epochs * stepsPerEpoch;
  const { schedule, kind, steps } = buildSchedule(spec, options, totalSteps, warnings);

  const result = runTrain({
    dataset,
    shape,
    initialParams: initialWeights(spec, shape),
    optimizer: spec.optimizers[0],
    schedule,
    train: spec.train,
    shuffle: spec.data.shuffle,
    seed: spec.seed,
    onEpoch: (e, n) => options.onEpoch?.("train", e, n),
  });

  const { params, ...rest } = result;
  return {
    schema_version: 1,
    version: VERSION,
    spec,
    data: describeData(dataset),
    schedule: {
      kind,
      steps,
      lr_first: schedule.lrAt(0),
      lr_max: peakLr(schedule, totalSteps),
      lr_last: schedule.lrAt(totalSteps - 1),
    },
    result: rest,
    warnings,
    params,
    sizes: shape.sizes,
  };
}

export interface CheckRow {
  factor: number;
  lr: number;
  val_loss: number | null;
  val_accuracy: number | null;
  stop: string;
}

export interface CheckResult {
  schema_version: 1;
  version: string;
  suggestion: { lr: number; method: string };
  epochs: number;
  rows: CheckRow[];
  best_factor: number | null;
  verdict: string;
  warnings: string[];
}

/**
 * Train briefly at suggestion × each verify factor (default 0.1, 1, 10) from identical weights
 * and data order, and compare validation losses. The suggestion comes from `rates` or from a
 * range test run first.
 */
export async function runCheck(
  spec: ResolvedSpec & { seed: number },
  options: TrainOptions = {},
): Promise<CheckResult> {
  let suggestion = options.rates?.suggestion ?? null;
  const warnings: string[] = [];
  if (suggestion === null) {
    const range = await runRangeTest(spec);
    suggestion = range.suggestion;
    warnings.push(...range.warnings.map((w) => w.message));
    if (suggestion === null) {
      throw new LrFindError(
        "result.invalid",
        `no suggestion to check: ${range.reason ?? ""}`,
        {},
        "adjust the sweep (start_lr, end_lr, iterations) until the range test gives one",
      );
    }
  }

  const { dataset, warnings: dataWarnings } = await loadWithValidation(spec);
  warnings.push(...dataWarnings);
  const shape = modelShape(spec, dataset);
  const initialParams = initialWeights(spec, shape);
  const epochs = spec.verify.epochs;
  const base = suggestion.lr;

  const rows = spec.verify.factors.map((factor): CheckRow => {
    const lr = base * factor;
    const r = runTrain({
      dataset,
      shape,
      initialParams,
      optimizer: spec.optimizers[0],
      schedule: { kind: "constant", lrAt: () => lr },
      train: { ...spec.train, epochs, patience: undefined },
      shuffle: spec.data.shuffle,
      seed: spec.seed,
      onEpoch: (e, n) => options.onEpoch?.(`×${factor}`, e, n),
    });
    const last = r.epochs[r.epochs.length - 1];
    return { factor, lr, val_loss: last.val_loss, val_accuracy: last.val_accuracy, stop: r.stop };
  });

  const finite = rows.filter((r) => r.val_loss !== null);
  const best = finite.length
    ? finite.reduce((a, b) => ((b.val_loss as number) < (a.val_loss as number) ? b : a))
    : null;
  return {
    schema_version: 1,
    version: VERSION,
    suggestion,
    epochs,
    rows,
    best_factor: best?.factor ?? null,
    verdict: verdictOf(best),
    warnings,
  };
}

function verdictOf(best: CheckRow | null): string {
  if (best === null) return "every run diverged: the suggestion does not hold on this data";
  if (best.factor === 1) return "the suggestion holds: it gave the lowest validation loss";
  const side = best.factor < 1 ? "lower" : "higher";
  return `a ${side} rate (×${best.factor}) gave a lower validation loss than the suggestion`;
}

// training evaluates on a held-out split; take one when the spec has none
async function loadWithValidation(spec: ResolvedSpec & { seed: number }) {
  const warnings: string[] = [];
  let data = spec.data;
  if (!(data.validation > 0)) {
    data = { ...data, validation: DEFAULT_VALIDATION };
    warnings.push(
      `data.validation is 0; holding out ${DEFAULT_VALIDATION} of the rows to ` +
        "evaluate each epoch",
    );
  }
  const dataset: Dataset = await loadDataset(data, spec.seed);
  warnings.push(...dataset.info.warnings);
  return { dataset, warnings };
}

function buildSchedule(
  spec: ResolvedSpec,
  options: TrainOptions,
  totalSteps: number,
  warnings: string[],
): { schedule: Schedule; kind: string; steps: number } {
  if (spec.schedule === undefined) {
    const lr =
      options.lr ??
      spec.train.lr ??
      (options.rates?.suggestion ? options.rates.suggestion.lr : undefined);
    if (lr === undefined) {
      throw new LrFindError(
        "spec.invalid",
        "no learning rate to train with",
        { path: "train.lr" },
        "set train.lr, add a schedule: block, or pass --lr or --from result.json",
      );
    }
    return { schedule: { kind: "constant", lrAt: () => lr }, kind: "constant", steps: totalSteps };
  }

  let config = spec.schedule;
  if (options.rates) {
    const block: Record<string, unknown> = { ...config };
    applyRates(block, options.rates);
    config = parseSchedule(block, spec.source);
  }
  if (config.steps !== totalSteps) {
    warnings.push(
      `schedule.steps is ${config.steps} but training runs ${totalSteps} steps ` +
        `(${spec.train.epochs} epochs × ${totalSteps / spec.train.epochs} steps); ` +
        `set schedule.steps: ${totalSteps} to fit the schedule to the run`,
    );
  }
  return { schedule: createSchedule(config), kind: config.kind, steps: config.steps };
}

function peakLr(schedule: Schedule, steps: number): number {
  let max = 0;
  for (let t = 0; t < steps; t++) max = Math.max(max, schedule.lrAt(t));
  return max;
}
