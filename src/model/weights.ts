// Initial weights from JSON ({"layers": [{"weight": [[...]], "bias": [...]}]}), and back.

import { LrFindError } from "../errors.js";
import type { FloatArray } from "../optim/types.js";
import type { ParamLayout } from "./layout.js";

/** The weights file format; weight is [out][in] as in PyTorch's nn.Linear. */
export interface WeightsJson {
  layers: { weight: number[][]; bias: number[] }[];
}

/** Copy weights from parsed JSON into params, checking every shape against the layout. */
export function loadWeights(value: unknown, layout: ParamLayout, params: FloatArray, file: string) {
  const fail = (path: string, message: string) => {
    throw new LrFindError("model.weights", `${file}: ${path}: ${message}`, { file, path });
  };
  const layers = (value as { layers?: unknown } | null)?.layers;
  if (!Array.isArray(layers)) fail("layers", 'expected {"layers": [{"weight", "bias"}, ...]}');
  const list = layers as unknown[];
  if (list.length !== layout.layers.length) {
    fail("layers", `model has ${layout.layers.length} layers, file has ${list.length}`);
  }

  layout.layers.forEach((slot, l) => {
    const entry = list[l] as { weight?: unknown; bias?: unknown } | null;
    const w = entry?.weight;
    const b = entry?.bias;
    const want = `[${slot.outDim}][${slot.inDim}]`;
    const got = shapeOf(w);
    if (got !== want)
      fail(`layers[${l}].weight`, `layer ${l + 1} expects shape ${want}, file has ${got}`);
    if (shapeOf(b) !== `[${slot.outDim}]`) {
      fail(
        `layers[${l}].bias`,
        `layer ${l + 1} expects shape [${slot.outDim}], file has ${shapeOf(b)}`,
      );
    }

    (w as number[][]).forEach((row, o) => {
      row.forEach((v, i) => {
        if (!Number.isFinite(v)) fail(`layers[${l}].weight[${o}][${i}]`, `not a finite number`);
        params[slot.weightOffset + o * slot.inDim + i] = v;
      });
    });
    (b as number[]).forEach((v, o) => {
      if (!Number.isFinite(v)) fail(`layers[${l}].bias[${o}]`, `not a finite number`);
      params[slot.biasOffset + o] = v;
    });
  });
}

/** The inverse of loadWeights, for --save-weights. */
export function saveWeights(layout: ParamLayout, params: FloatArray): WeightsJson {
  return {
    layers: layout.layers.map((slot) => {
      const weight: number[][] = [];
      for (let o = 0; o < slot.outDim; o++) {
        const start = slot.weightOffset + o * slot.inDim;
        weight.push(Array.from(params.subarray(start, start + slot.inDim)));
      }
      const bias = Array.from(params.subarray(slot.biasOffset, slot.biasOffset + slot.outDim));
      return { weight, bias };
    }),
  };
}

function shapeOf(v: unknown): string {
  if (!Array.isArray(v)) return typeof v === "number" ? "scalar" : "missing";
  if (v.length > 0 && Array.isArray(v[0])) {
    const widths = new Set(v.map((row) => (Array.isArray(row) ? row.length : -1)));
    return widths.size === 1 ? `[${v.length}][${[...widths][0]}]` : `[${v.length}][ragged]`;
  }
  return `[${v.length}]`;
}
