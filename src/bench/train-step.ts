// One training step of lr-find exactly as a sweep runs it (src/sweep/run-sweep.ts), at a
// fixed learning rate: next shuffled batch, zero grad, forward, loss, backward, update.
// The loss comes back as a JS number, as the range test reads it at every step.

import type { Split } from "../data/types.js";
import { initPytorchDefault } from "../model/init.js";
import type { KernelPath } from "../model/kernels/kernel-path.js";
import { paramGroups } from "../model/layout.js";
import { backward, createMlp, forward, lossAndOutputGrad, zeroGrad } from "../model/mlp.js";
import { createOptimizer } from "../optim/create-optimizer.js";
import { optimizerSchema, type OptimizerInput } from "../optim/schema.js";
import { createRng } from "../random.js";
import { createBatchStream } from "../sweep/batch-stream.js";
import type { Workload } from "./workloads.js";

/** A ready-to-run step; `kernels` is the path the network actually got. */
export interface TrainStep {
  step(): number;
  kernels: KernelPath;
}

/** Build the network, optimizer and batch stream for one measurement. */
export function createTrainStep(
  w: Workload,
  data: Split,
  kernels: KernelPath,
  optimizer: OptimizerInput,
  lr: number,
  seed = 1,
): TrainStep {
  const B = w.batch;
  const F = w.sizes[0];
  const shape = { sizes: w.sizes, activation: w.activation, loss: w.loss };
  const net = createMlp(shape, B, "float32", kernels);
  initPytorchDefault(net, createRng(seed));

  const config = optimizerSchema.parse(optimizer);
  const opt = createOptimizer(config, paramGroups(net.layout), net.layout.total, net.params);
  const stream = createBatchStream(data, F, B, createRng(seed ^ 0x5eed));

  const step = () => {
    stream.next();
    zeroGrad(net);
    forward(net, stream.x, B);
    const loss = lossAndOutputGrad(net, stream.y, 0, B);
    backward(net, stream.x, B);
    opt.step(net.params, net.grads, lr);
    return loss;
  };

  return { step, kernels: net.kernels };
}
