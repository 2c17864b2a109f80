// A real training run: epochs of mini-batch steps with a schedule, validation after each epoch,
// early stopping that restores the best weights.

import type { Dataset } from "../data/types.js";
import { paramGroups } from "../model/layout.js";
import { backward, createMlp, forward, lossAndOutputGrad, zeroGrad } from "../model/mlp.js";
import type { MlpShape } from "../model/mlp.js";
import { clipGradients } from "../optim/clip.js";
import { createOptimizer } from "../optim/create-optimizer.js";
import type { OptimizerConfig } from "../optim/schema.js";
import { createRng } from "../random.js";
import type { Schedule } from "../schedule/types.js";
import { createBatchStream } from "../sweep/batch-stream.js";
import { evaluate } from "../sweep/evaluate.js";
import type { TrainConfig } from "./schema.js";

export interface TrainInput {
  dataset: Dataset;
  shape: MlpShape;
  initialParams: Float32Array; // (P,)
  optimizer: OptimizerConfig;
  /** lr (and momentum) per optimizer step; steps count across epochs from 0. */
  schedule: Schedule;
  train: TrainConfig;
  shuffle: boolean;
  seed: number;
  onEpoch?: (epoch: number, total: number) => void;
}

export interface EpochRecord {
  epoch: number; // 1-based
  train_loss: number | null; // mean batch loss over the epoch, null if not finite
  val_loss: number | null;
  val_accuracy: number | null;
  lr: number; // lr of the epoch's last step
}

export type TrainStop = "completed" | "early_stopped" | "non_finite";

export interface TrainResult {
  optimizer: string;
  epochs: EpochRecord[];
  best_epoch: number | null;
  stop: TrainStop;
  steps_per_epoch: number;
  /** Final weights: the best epoch's when early stopping restored them. */
  params: Float32Array;
}

/** Train and evaluate; deterministic for a given input. */
export function runTrain(input: TrainInput): TrainResult {
  const { dataset, shape, train } = input;
  const B = train.batch_size;
  const F = dataset.features;
  const evalSplit = dataset.validation ?? dataset.train;
  const stepsPerEpoch = Math.max(1, Math.floor(dataset.train.rows / B));

  // allocate once: network, optimizer, batch stream, a copy for the best weights
  const net = createMlp(shape, B);
  net.params.set(input.initialParams);
  const groups = paramGroups(net.layout, input.optimizer.layer_lr);
  const opt = createOptimizer(input.optimizer, groups, net.layout.total, net.params);
  const stream = createBatchStream(
    dataset.train,
    F,
    B,
    input.shuffle ? createRng(input.seed ^ 0x7a1) : null,
  );
  const best = new Float32Array(net.layout.total);
  const records: EpochRecord[] = [];
  let bestLoss = Infinity;
  let bestEpoch: number | null = null;
  let waited = 0;
  let stop: TrainStop = "completed";
  let t = 0;

  for (let epoch = 1; epoch <= train.epochs; epoch++) {
    let sum = 0;
    let lr = 0;

    for (let s = 0; s < stepsPerEpoch; s++, t++) {
      lr = input.schedule.lrAt(t);
      const momentum = input.schedule.momentumAt?.(t);
      if (momentum !== undefined) opt.setMomentum?.(momentum);

      stream.next();
      zeroGrad(net);
      forward(net, stream.x, B);
      sum += lossAndOutputGrad(net, stream.y, 0, B);
      backward(net, stream.x, B);
      clipGradients(net.grads, input.optimizer);
      opt.step(net.params, net.grads, lr);
    }

    const trainLoss = sum / stepsPerEpoch;
    const val = evaluate(net, evalSplit, F);
    const finite = Number.isFinite(trainLoss) && Number.isFinite(val.loss);
    records.push({
      epoch,
      train_loss: Number.isFinite(trainLoss) ? trainLoss : null,
      val_loss: Number.isFinite(val.loss) ? val.loss : null,
      val_accuracy: val.accuracy,
      lr,
    });
    input.onEpoch?.(epoch, train.epochs);
    if (!finite) {
      stop = "non_finite";
      break;
    }

    // early stopping on the validation loss
    if (val.loss < bestLoss - train.min_delta) {
      bestLoss = val.loss;
      bestEpoch = epoch;
      best.set(net.params);
      waited = 0;
    } else if (train.patience !== undefined && ++waited >= train.patience) {
      stop = "early_stopped";
      break;
    }
  }

  const restore = train.patience !== undefined && bestEpoch !== null;
  return {
    optimizer: input.optimizer.name,
    epochs: records,
    best_epoch: bestEpoch,
    stop,
    steps_per_epoch: stepsPerEpoch,
    params: restore ? best : Float32Array.from(net.params),
  };
}
