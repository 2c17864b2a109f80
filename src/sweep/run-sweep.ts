// One LR range test: train while the learning rate climbs, record the loss at every step.

import type { Dataset, Split } from "../data/types.js";
import { backward, createMlp, forward, lossAndOutputGrad, zeroGrad } from "../model/mlp.js";
import type { MlpShape } from "../model/mlp.js";
import { paramGroups } from "../model/layout.js";
import { clipGradients } from "../optim/clip.js";
import { createOptimizer } from "../optim/create-optimizer.js";
import { adamwDecayNonPositive } from "../optim/decay-warning.js";
import type { OptimizerConfig } from "../optim/schema.js";
import { createRng } from "../random.js";
import { rangeLadderLr } from "../schedule/range-ladder.js";
import { createBatchStream } from "./batch-stream.js";
import type { Guard } from "../suggest/guards.js";
import type { SweepConfig } from "./schema.js";
import { SmoothedLoss } from "./smoothing.js";
import { DivergenceRule } from "./stop-rule.js";
import type { StopInfo, SweepPoint, SweepResult } from "./types.js";
import { evaluateLoss } from "./evaluate.js";

/** Everything one sweep depends on; the result is a pure function of it. */
export interface SweepInput {
  dataset: Dataset;
  shape: MlpShape;
  initialParams: Float32Array; // (P,) shared by every sweep of one run
  optimizer: OptimizerConfig;
  sweep: SweepConfig;
  shuffle: boolean;
  seed: number;
  /** Checked between steps; set by a SIGINT handler to stop with "interrupted". */
  signal?: { aborted: boolean };
  onStep?: (step: number, total: number) => void;
}

/** Run the range test; deterministic for a given input. */
export function runSweep(input: SweepInput): SweepResult {
  const { dataset, shape, sweep, seed } = input;
  const train = dataset.train;
  const B = sweep.batch_size;
  const n = sweep.iterations;
  const k = sweep.accumulate;
  const F = dataset.features;

  // allocate everything once: network, optimizer state, batch buffers
  const net = createMlp(shape, B);
  net.params.set(input.initialParams);
  const groups = paramGroups(net.layout, input.optimizer.layer_lr);
  const opt = createOptimizer(input.optimizer, groups, net.layout.total, net.params);
  const rng = input.shuffle ? createRng(seed ^ 0x5eed) : null;
  const stream = createBatchStream(train, F, B, rng);
  const evalSplit = sweep.loss === "validation" ? dataset.validation : null;
  const smoother = new SmoothedLoss(sweep.smoothing);
  const rule = new DivergenceRule(sweep.divergence === false ? 4 : sweep.divergence);
  const warnings: Guard[] = [];
  if (B > train.rows) {
    warnings.push({
      code: "batch_larger_than_data",
      message:
        `batch_size ${B} is larger than ` +
        `the ${train.rows} training rows, so every batch repeats rows; lower sweep.batch_size`,
    });
  }
  const points: SweepPoint[] = [];
  let divergenceStep: number | null = null;
  let firstNonFinite: number | null = null;
  let stop: StopInfo | null = null;
  let decayWarned = false;

  for (let i = 0; i < n; i++) {
    if (input.signal?.aborted) {
      const msg =
        `interrupted (Ctrl-C) before step ${i}; rerun with the same seed for the whole ` + "sweep";
      stop = stopInfo("interrupted", points, rule, msg);
      break;
    }
    const lr = rangeLadderLr(sweep.mode, sweep.start_lr, sweep.end_lr, n, i);

    // forward and backward over k micro-batches; loss = their mean, gradient = their mean
    zeroGrad(net);
    let loss = 0;
    for (let m = 0; m < k; m++) {
      stream.next();
      forward(net, stream.x, B);
      loss += lossAndOutputGrad(net, stream.y, 0, B, 1 / k) / k;
      backward(net, stream.x, B);
    }
    const measured = evalSplit ? evaluateLoss(net, evalSplit, F) : loss;

    // record the loss measured before this step's update
    const finite = Number.isFinite(measured);
    const smoothed = finite ? smoother.push(measured) : null;
    const point: SweepPoint = {
      step: i,
      lr,
      loss: finite ? measured : null,
      smoothed_loss: smoothed,
    };
    if (evalSplit) point.val_loss = point.loss;
    points.push(point);
    input.onStep?.(i + 1, n);

    if (!finite) {
      firstNonFinite = i;
      const why = sweep.divergence === false ? "divergence stop disabled; " : "";
      const msg = `${why}stopped at step ${i} (lr ${fmt(lr)}) on non-finite loss`;
      stop = stopInfo("non_finite", points, rule, msg);
      warnings.push({
        code: "non_finite",
        message:
          `the loss became non-finite at step ${i} ` +
          `(lr ${fmt(lr)}); suggestions read only the finite points before it`,
      });
      break;
    }
    if (divergenceStep === null && rule.fires(smoothed as number)) {
      divergenceStep = i;
      if (sweep.divergence !== false) {
        const msg =
          `diverged at step ${i}: lr ${fmt(lr)}, smoothed loss ${fmt(smoothed as number)} > ` +
          `${sweep.divergence} × best ${fmt(rule.best)}`;
        stop = stopInfo("diverged", points, rule, msg);
        break;
      }
    }

    // clip, then update at this step's learning rate
    clipGradients(net.grads, input.optimizer);
    opt.step(net.params, net.grads, lr);

    if (!decayWarned && adamwDecayNonPositive(input.optimizer, lr)) {
      decayWarned = true;
      warnings.push({
        code: "adamw_decay",
        message:
          `adamw: lr × weight_decay ≥ 1 from step ${i} ` +
          `(lr ${fmt(lr)}): the decay factor 1 − lr·wd is ≤ 0, so weights are zeroed or flip ` +
          "sign; losses past here mean little",
      });
    }
  }

  stop ??= stopInfo("completed", points, rule, `completed all ${n} steps`);
  const lastUsable = Math.min(
    firstNonFinite ?? points.length,
    divergenceStep === null ? points.length : divergenceStep + 1,
  );
  const batchesPerEpoch = Math.max(1, Math.floor(train.rows / B));

  return {
    optimizer: input.optimizer.name,
    seed,
    points,
    stop,
    divergence_step: divergenceStep,
    usable: lastUsable,
    batches_per_epoch: batchesPerEpoch,
    epochs: (points.length * k * B) / train.rows,
    warnings,
  };
}

function stopInfo(
  reason: StopInfo["reason"],
  points: SweepPoint[],
  rule: DivergenceRule,
  message: string,
): StopInfo {
  const last = points[points.length - 1];
  return {
    reason,
    step: last ? last.step : 0,
    lr: last ? last.lr : 0,
    loss: last ? last.loss : null,
    best: Number.isFinite(rule.best) ? rule.best : null,
    message,
  };
}

function fmt(v: number): string {
  return Number(v.toPrecision(4)).toString();
}

export type { Split };
