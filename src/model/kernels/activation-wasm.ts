// ReLU on the WebAssembly SIMD kernels, for networks on the wasm path: the activation pass
// is small next to the products, but in scalar JS it cost a tenth of a W3 step.

import type { FloatArray } from "../../optim/types.js";
import { arenaOf, inArena } from "./wasm-arena.js";

/** a = relu(z) over the first n entries; false when a and z are not in one arena. */
export function reluForwardWasm(a: FloatArray, z: FloatArray, n: number): boolean {
  const arena = arenaOf(a);
  if (arena === null || !inArena(arena, z)) return false;
  arena.kernels.reluForward(a.byteOffset, z.byteOffset, n);
  return true;
}

/** d = 0 where z ≤ 0 (or NaN), in place; false when d and z are not in one arena. */
export function reluBackwardWasm(d: FloatArray, z: FloatArray, n: number): boolean {
  const arena = arenaOf(d);
  if (arena === null || !inArena(arena, z)) return false;
  arena.kernels.reluBackward(d.byteOffset, z.byteOffset, n);
  return true;
}
