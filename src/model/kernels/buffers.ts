// Where a network's buffers are allocated: the JS heap, or one WebAssembly arena.

import type { FloatArray } from "../../optim/types.js";
import type { KernelPath } from "./kernel-path.js";
import { createWasmArena } from "./wasm-arena.js";

/**
 * One zeroed buffer per entry of `lengths` (element counts). On the wasm path they are views
 * into a single arena with `scratchFloats` of packing space and `stateFloats` of room for
 * optimizer state, so the SIMD kernels can use them in place; otherwise ordinary typed
 * arrays of the dtype.
 */
export function allocateBuffers(
  lengths: readonly number[],
  dtype: "float32" | "float64",
  path: KernelPath,
  scratchFloats: number,
  stateFloats: number,
): FloatArray[] {
  if (path === "wasm" && dtype === "float32") {
    const made = createWasmArena(lengths, scratchFloats, stateFloats);
    if (made !== null) return made.views;
  }

  const Arr = dtype === "float32" ? Float32Array : Float64Array;
  return lengths.map((n) => new Arr(n));
}
