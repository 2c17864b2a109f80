// The dense layer's three products on the WebAssembly SIMD kernels. Shapes as in
// ../linear.ts: x (B, I), w (O, I), b (O,), out and dout (B, O), dx (B, I).
// Every array must be a view into the same arena; offsets below are converted to bytes.

import type { WasmArena } from "./wasm-arena.js";

const INIT_ZERO = 0;
const INIT_ADD = 1;
const INIT_BIAS = 2;
const PANEL = 8; // columns per packed panel in assembly/dense.ts

/** Scratch floats the three products need for one layer: the largest packed operand. */
export function denseScratchFloats(B: number, I: number, O: number): number {
  const forward = panelled(O) * I; // wᵀ, (I, O)
  const weightGrad = panelled(I) * B; // x, (B, I)
  const inputGrad = panelled(I) * O; // w, (O, I)
  return Math.max(forward, weightGrad, inputGrad);
}

/** out = x · wᵀ + b; false when the arena's scratch is too small for these sizes. */
export function wasmLinearForward(
  arena: WasmArena,
  out: Float32Array,
  x: Float32Array,
  w: Float32Array,
  wOff: number,
  bOff: number,
  B: number,
  I: number,
  O: number,
): boolean {
  if (panelled(O) * I > arena.scratchFloats) return false;
  const { kernels: dense, scratch, tmp } = arena;
  const wAt = w.byteOffset + 4 * wOff;

  // wᵀ (I, O): element (i, o) at w[o·I + i]
  dense.pack(scratch, wAt, I, O, 1, I);
  const bias = w.byteOffset + 4 * bOff;
  dense.gemm(out.byteOffset, O, x.byteOffset, I, 1, scratch, bias, B, O, I, INIT_BIAS, tmp);
  return true;
}

/** dw += doutᵀ · x, db += column sums of dout, dx = dout · w when dx is given. */
export function wasmLinearBackward(
  arena: WasmArena,
  dx: Float32Array | null,
  g: Float32Array,
  dout: Float32Array,
  x: Float32Array,
  w: Float32Array,
  wOff: number,
  bOff: number,
  B: number,
  I: number,
  O: number,
): boolean {
  if (denseScratchFloats(B, I, O) > arena.scratchFloats) return false;
  const { kernels: dense, scratch, tmp } = arena;
  const d = dout.byteOffset;

  // dw (O, I) += doutᵀ (O, B) · x (B, I); doutᵀ is dout read with swapped strides
  dense.pack(scratch, x.byteOffset, B, I, I, 1);
  dense.gemm(g.byteOffset + 4 * wOff, I, d, 1, O, scratch, 0, O, I, B, INIT_ADD, tmp);
  dense.colSumsAdd(g.byteOffset + 4 * bOff, d, B, O);
  if (dx === null) return true;

  // dx (B, I) = dout (B, O) · w (O, I)
  dense.pack(scratch, w.byteOffset + 4 * wOff, O, I, I, 1);
  dense.gemm(dx.byteOffset, I, d, O, 1, scratch, 0, B, I, O, INIT_ZERO, tmp);
  return true;
}

function panelled(n: number): number {
  return Math.ceil(n / PANEL) * PANEL;
}
