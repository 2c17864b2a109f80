// Optimizer state shares the parameters' layout and element type: Float32Array in a real
// run, Float64Array when tests compare against PyTorch's float64 reference.
//
// Dimension letter used in src/optim shape comments: P, the number of parameters (the length
// of the flat parameter buffer); every state buffer is (P,) and indexed like the parameters.

import { stateBufferIn } from "../model/kernels/wasm-arena.js";
import type { FloatArray } from "./types.js";

/**
 * Allocate a zeroed state buffer once per run, with the element type of `like`. When `like`
 * lives in a network's WebAssembly memory, so does the state, for the SIMD update rules.
 */
export function zerosLike(like: FloatArray, size: number): FloatArray {
  const inWasm = stateBufferIn(like, size);
  if (inWasm !== null) return inWasm;
  return like instanceof Float32Array ? new Float32Array(size) : new Float64Array(size);
}
