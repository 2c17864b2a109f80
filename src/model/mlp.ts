// The multilayer perceptron: flat parameters, preallocated activations, forward and backward.

import type { FloatArray } from "../optim/types.js";
import { activationBackward, activationForward, type Activation } from "./activation.js";
import { reluBackwardWasm, reluForwardWasm } from "./kernels/activation-wasm.js";
import { allocateBuffers } from "./kernels/buffers.js";
import { resolveKernelPath, type KernelPath } from "./kernels/kernel-path.js";
import { denseScratchFloats } from "./kernels/linear-wasm.js";
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
 * Nothing is allocated after construction. On the "wasm" kernel path every buffer is a view
 * into the network's own WebAssembly memory, and `input` holds a copy of each batch there.
 */
export interface Mlp {
  shape: MlpShape;
  layout: ParamLayout;
  maxBatch: number;
  kernels: KernelPath;
  input: FloatArray | null; // (maxBatch, F) the batch, copied in; null on the "ts" path
  params: FloatArray; // (P,) all weights and biases
  grads: FloatArray; // (P,) same layout
  pre: FloatArray[]; // per layer (maxBatch, O): z = x·wᵀ + b
  post: FloatArray[]; // per hidden layer (maxBatch, O): act(z); the last layer has none
  delta: FloatArray[]; // per layer (maxBatch, O): dL/dz, then reused for dL/da
}

/**
 * Allocate a network and its work buffers. `kernels` picks the dense-layer implementation;
 * by default LR_FIND_KERNELS, else WebAssembly SIMD for float32 where it loads.
 */
export function createMlp(
  shape: MlpShape,
  maxBatch: number,
  dtype: Dtype = "float32",
  kernels?: KernelPath,
): Mlp {
  const layout = createLayout(shape.sizes);
  const path = resolveKernelPath(dtype, kernels);
  const L = layout.layers.length;
  const perLayer = layout.layers.map((s) => maxBatch * s.outDim);
  const inputLength = path === "wasm" ? maxBatch * shape.sizes[0] : 0;
  const scratch = Math.max(
    ...layout.layers.map((s) => denseScratchFloats(maxBatch, s.inDim, s.outDim)),
  );

  // params, grads, input, then pre, post and delta of every layer; plus room for the
  // optimizer's state, at most three (P,) buffers (Adam with amsgrad, centered RMSprop)
  const lengths = [layout.total, layout.total, inputLength, ...perLayer, ...perLayer, ...perLayer];
  const state = 3 * layout.total;
  const [params, grads, input, ...rest] = allocateBuffers(lengths, dtype, path, scratch, state);

  return {
    shape,
    layout,
    maxBatch,
    kernels: path,
    input: path === "wasm" ? input : null,
    params,
    grads,
    pre: rest.slice(0, L),
    post: rest.slice(L, 2 * L),
    delta: rest.slice(2 * L),
  };
}

/** Forward pass on x (B, F); returns the output buffer (B, C) (logits or predictions). */
export function forward(net: Mlp, x: FloatArray, B: number): FloatArray {
  const { layers } = net.layout;
  let input = stageInput(net, x, B);

  for (let l = 0; l < layers.length; l++) {
    const s = layers[l];
    const { weightOffset: wo, biasOffset: bo, inDim, outDim } = s;
    linearForward(net.pre[l], input, net.params, wo, bo, B, inDim, outDim);
    if (l === layers.length - 1) return net.pre[l];
    activate(net, l, B * s.outDim);
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
  const x0 = stageInput(net, x, B);

  for (let l = layers.length - 1; l >= 0; l--) {
    const s = layers[l];
    const input = l === 0 ? x0 : net.post[l - 1];
    const dInput = l === 0 ? null : net.delta[l - 1];
    const { weightOffset: wo, biasOffset: bo, inDim, outDim } = s;
    linearBackward(dInput, net.grads, net.delta[l], input, net.params, wo, bo, B, inDim, outDim);

    if (dInput !== null) {
      const n = B * layers[l - 1].outDim;
      deactivate(net, dInput, l - 1, n);
    }
  }
}

// post = act(pre) of layer l over n entries; ReLU on the SIMD kernels when the net has them.
function activate(net: Mlp, l: number, n: number): void {
  const kind = net.shape.activation;
  if (kind === "relu" && reluForwardWasm(net.post[l], net.pre[l], n)) return;
  activationForward(net.post[l], net.pre[l], n, kind);
}

// d *= act'(pre) of layer l over n entries, in place.
function deactivate(net: Mlp, d: FloatArray, l: number, n: number): void {
  const kind = net.shape.activation;
  if (kind === "relu" && reluBackwardWasm(d, net.pre[l], n)) return;
  activationBackward(d, net.pre[l], net.post[l], n, kind);
}

// On the wasm path the kernels need the batch in the network's memory: copy its B rows in
// (B·F floats, small next to the products that read them). Elsewhere x is used as it is.
function stageInput(net: Mlp, x: FloatArray, B: number): FloatArray {
  const stage = net.input;
  if (stage === null || x.buffer === stage.buffer) return x;
  stage.set(x.subarray(0, B * net.shape.sizes[0]));
  return stage;
}
