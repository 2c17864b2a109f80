// Dense-layer kernels in a forward/backward pair. Outputs first, then inputs, then sizes.
// Shapes: x (B, I), w (O, I) as PyTorch's nn.Linear weight, b (O,), out (B, O).
//
// Two implementations behind one signature: when every array is a float32 view into the
// same WebAssembly arena (a network created on the "wasm" path), the SIMD kernels run in
// place; otherwise the register-blocked TypeScript kernels do, for either dtype.

import type { FloatArray } from "../optim/types.js";
import { gemmTs, INIT_ADD, INIT_BIAS, INIT_ZERO } from "./kernels/gemm-ts.js";
import { wasmLinearBackward, wasmLinearForward } from "./kernels/linear-wasm.js";
import { arenaOf, inArena } from "./kernels/wasm-arena.js";

/** out = x · wᵀ + b; the bias is added after the sum over inputs. */
export function linearForward(
  out: FloatArray,
  x: FloatArray,
  w: FloatArray,
  wOff: number,
  bOff: number,
  B: number,
  I: number,
  O: number,
): void {
  const arena = arenaOf(out);
  if (arena !== null && inArena(arena, x) && inArena(arena, w)) {
    const o = out as Float32Array;
    if (wasmLinearForward(arena, o, x, w, wOff, bOff, B, I, O)) return;
  }

  // out (B, O): A = x (B, I), M = wᵀ (I, O) read from w (O, I) with swapped strides
  gemmTs(out, 0, O, x, 0, I, 1, w, wOff, 1, I, B, O, I, INIT_BIAS, w, bOff);
}

/**
 * Accumulate dw += doutᵀ · x and db += column sums of dout into the gradient buffer `g`
 * (same layout as the parameters); write dx = dout · w when dx is given.
 */
export function linearBackward(
  dx: FloatArray | null,
  g: FloatArray,
  dout: FloatArray,
  x: FloatArray,
  w: FloatArray,
  wOff: number,
  bOff: number,
  B: number,
  I: number,
  O: number,
): void {
  const arena = arenaOf(g);
  if (arena !== null && inArena(arena, dout) && inArena(arena, x) && inArena(arena, w)) {
    const d = dx === null || inArena(arena, dx) ? dx : undefined;
    const gw = g as Float32Array;
    if (d !== undefined && wasmLinearBackward(arena, d, gw, dout, x, w, wOff, bOff, B, I, O)) {
      return;
    }
  }

  // dw (O, I) += doutᵀ (O, B) · x (B, I)
  gemmTs(g, wOff, I, dout, 0, 1, O, x, 0, I, 1, O, I, B, INIT_ADD, null, 0);
  for (let r = 0; r < B; r++) {
    const dRow = r * O;
    for (let o = 0; o < O; o++) g[bOff + o] += dout[dRow + o];
  }
  if (dx === null) return;

  // dx (B, I) = dout (B, O) · w (O, I)
  gemmTs(dx, 0, I, dout, 0, O, 1, w, wOff, I, 1, B, I, O, INIT_ZERO, null, 0);
}
