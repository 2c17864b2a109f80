// The multilayer perceptron: flat parameters, preallocated activations, forward and backward.

import type { FloatArray } from "../optim/types.js";
import { activationBackward, activationForward, type Activation } from "./activation.js";
import { createLayout, type ParamLayout } from "./layout.js";
import { linearBackward, linearForward } from "./linear.js";
import { meanSquaredError, softmaxCrossEntropy } from "./loss.js";

export type LossKind = "cross_entropy" | "mse";
export type Dtype = "float32" | "float64";

/** What defines a network; the data decides input and output widths. */
export interface MlpShape {
  sizes: number[]; // (L + 1,) input width, hidden widths..., output width
  activation: Activation;
  loss: LossKind;
}

/**
 * A network plus every buffer one training step needs, sized for batches up to maxBatch.
 * Nothing is allocated after construction.
 */
export interface Mlp {
  shape: MlpShape;
  layout: ParamLayout;
  maxBatch: number;
  params: FloatArray; // (P,) all weights and biases
  grads: FloatArray; // (P,) same layout
  pre: FloatArray[]; // per layer (maxBatch, O): z = x·wᵀ + b
  post: FloatArray[]; // per hidden layer (maxBatch, O): act(z); the last layer has none
  delta: FloatArray[]; // per layer (maxBatch, O): dL/dz, then reused for dL/da
}

/** Allocate a network and its work buffers. */
export function createMlp(shape: MlpShape, maxBatch: number, dtype: Dtype = "float32"): Mlp {
  const Arr = dtype === "float32" ? Float32Array : Float64Array;
  const layout = createLayout(shape.sizes);
  const pre = layout.layers.map((s) => new Arr(maxBatch * s.outDim));
  const post = layout.layers.map((s) => new Arr(maxBatch * s.outDim));
  const delta = layout.layers.map((s) => new Arr(maxBatch * s.outDim));

  return {
    shape,
    layout,
    maxBatch,
    params: new Arr(layout.total),
    grads: new Arr(layout.total),
    pre,
    post,
    delta,
  };
}

/** Forward pass on x (B, F); returns the output buffer (B, C) (logits or predictions). */
export function forward(net: Mlp, x: FloatArray, B: number): FloatArray {
  const { layers } = net.layout;
  let input = x;

  for (let l = 0; l < layers.length; l++) {
    const s = layers[l];
    linearForward(net.pre[l], input, net.params, s.weightOffset, s.biasOffset, B, s.inDim, s.outDim);
    if (l === layers.length - 1) return net.pre[l];
    activationForward(net.post[l], net.pre[l], B * s.outDim, net.shape.activation);
    input = net.post[l];
  }

  return input;
}

/**
 * Loss of the last forward pass against targets y (B,), writing dL/dz of the output layer.
 * `scale` multiplies the gradient (1/k for k accumulated micro-batches), not the loss.
 */
export function lossAndOutputGrad(net: Mlp, y: FloatArray, yOff: number, B: number, scale = 1) {
  const last = net.layout.layers.length - 1;
  const C = net.layout.layers[last].outDim;
  const z = net.pre[last];
  const dz = net.delta[last];

  if (net.shape.loss === "cross_entropy") return softmaxCrossEntropy(dz, z, y, yOff, B, C, scale);
  return meanSquaredError(dz, z, y, yOff, B, C, scale);
}

/** Set every gradient to zero; a visible step, since backward accumulates. */
export function zeroGrad(net: Mlp): void {
  net.grads.fill(0);
}

/** Backward pass from the output gradient; accumulates into net.grads. */
export function backward(net: Mlp, x: FloatArray, B: number): void {
  const { layers } = net.layout;

  for (let l = layers.length - 1; l >= 0; l--) {
    const s = layers[l];
    const input = l === 0 ? x : net.post[l - 1];
    const dInput = l === 0 ? null : net.delta[l - 1];
    const { weightOffset: wo, biasOffset: bo, inDim, outDim } = s;
    linearBackward(dInput, net.grads, net.delta[l], input, net.params, wo, bo, B, inDim, outDim);

    if (dInput !== null) {
      const n = B * layers[l - 1].outDim;
      activationBackward(dInput, net.pre[l - 1], net.post[l - 1], n, net.shape.activation);
    }
  }
}
