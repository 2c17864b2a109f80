// Update rules on the WebAssembly SIMD kernels, for float32 parameters, gradients and state
// that all live in one network's memory (see stateBufferIn). The optimizers in src/optim
// call these first and run their own loop when they return false. Both give bit-identical
// results: the kernels repeat the loops' float64 arithmetic and float32 stores.

import type { FloatArray } from "../../optim/types.js";
import { arenaOf, inArena } from "./wasm-arena.js";

/**
 * Adam / AdamW over elements [start, end) of one parameter group, as the loop in
 * src/optim/adam.ts (without amsgrad). False when the arrays are not all in one arena.
 */
export function adamWasm(
  p: FloatArray,
  g: FloatArray,
  m: FloatArray,
  v: FloatArray,
  start: number,
  end: number,
  beta1: number,
  beta2: number,
  eps: number,
  stepSize: number,
  bc2Sqrt: number,
  weightDecay: number,
  decoupled: boolean,
  decay: number,
): boolean {
  const arena = arenaOf(p);
  if (arena === null || !inArena(arena, g) || !inArena(arena, m) || !inArena(arena, v)) {
    return false;
  }

  const at = 4 * start;
  const pp = p.byteOffset + at;
  const n = end - start;
  arena.kernels.adamStep(
    pp,
    g.byteOffset + at,
    m.byteOffset + at,
    v.byteOffset + at,
    n,
    beta1,
    beta2,
    1 - beta1,
    1 - beta2,
    eps,
    stepSize,
    bc2Sqrt,
    weightDecay,
    decoupled,
    decay,
  );
  return true;
}

/**
 * SGD over elements [start, end) of one parameter group, as the loop in src/optim/sgd.ts.
 * `buf` is only read with momentum ≠ 0. False when the arrays are not all in one arena.
 */
export function sgdWasm(
  p: FloatArray,
  g: FloatArray,
  buf: FloatArray,
  start: number,
  end: number,
  lr: number,
  weightDecay: number,
  momentum: number,
  dampening: number,
  nesterov: boolean,
  first: boolean,
): boolean {
  const arena = arenaOf(p);
  if (arena === null || !inArena(arena, g)) return false;
  if (momentum !== 0 && !inArena(arena, buf)) return false;

  const at = 4 * start;
  const b = momentum !== 0 ? buf.byteOffset + at : 0;
  arena.kernels.sgdStep(
    p.byteOffset + at,
    g.byteOffset + at,
    b,
    end - start,
    lr,
    weightDecay,
    momentum,
    1 - dampening,
    nesterov,
    first,
  );
  return true;
}
