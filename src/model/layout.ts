// Where each layer's weights and biases live inside the one flat parameter buffer.
//
// Dimension letters used across src/model: B batch rows, I layer inputs, O layer outputs,
// F dataset features, C classes (or regression outputs), L layers.

import type { ParamGroup } from "../optim/types.js";

/** Offsets of one dense layer: weight (O, I) row-major as in PyTorch, then bias (O,). */
export interface LayerSlot {
  inDim: number; // I
  outDim: number; // O
  weightOffset: number;
  biasOffset: number;
}

/** The whole network's parameter layout; gradients and optimizer state share it. */
export interface ParamLayout {
  sizes: number[]; // (L + 1,) widths from input to output
  layers: LayerSlot[]; // (L,)
  total: number;
}

/** Lay out an MLP with the given widths, weight then bias per layer, layers in order. */
export function createLayout(sizes: number[]): ParamLayout {
  const layers: LayerSlot[] = [];
  let offset = 0;

  for (let l = 0; l + 1 < sizes.length; l++) {
    const inDim = sizes[l];
    const outDim = sizes[l + 1];
    const weightOffset = offset;
    const biasOffset = weightOffset + inDim * outDim;
    offset = biasOffset + outDim;
    layers.push({ inDim, outDim, weightOffset, biasOffset });
  }

  return { sizes: [...sizes], layers, total: offset };
}

/**
 * One optimizer group per parameter tensor (weight, bias), as PyTorch's per-tensor state.
 * `layerLr` gives a learning-rate multiplier per layer (default 1).
 */
export function paramGroups(layout: ParamLayout, layerLr?: readonly number[]): ParamGroup[] {
  const groups: ParamGroup[] = [];

  layout.layers.forEach((slot, l) => {
    const lrScale = layerLr?.[l] ?? 1;
    const weightEnd = slot.weightOffset + slot.inDim * slot.outDim;
    groups.push({
      name: `layer${l + 1}.weight`,
      start: slot.weightOffset,
      end: weightEnd,
      lrScale,
    });
    groups.push({
      name: `layer${l + 1}.bias`,
      start: slot.biasOffset,
      end: slot.biasOffset + slot.outDim,
      lrScale,
    });
  });

  return groups;
}
