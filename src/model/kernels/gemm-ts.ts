// The plain TypeScript matrix product behind all three products of a dense layer: the
// fallback where WebAssembly SIMD is not used, the float64 path, and the reference the
// SIMD path is tested against.
//
//   C (R, N) = init + A (R, K) · M (K, N)
//
// Both operands are read through strides, so a matrix and its transpose cost the same and
// nothing is copied: element (r, k) of A is a[aOff + r·ars + k·aks], element (k, n) of M is
// m[mOff + k·mks + n·mns], element (r, n) of C is c[cOff + r·ldc + n].
// Dimension letters: R rows of C, N columns of C, K the summed dimension.

import type { FloatArray } from "../../optim/types.js";

/** How C starts: overwritten, accumulated into, or overwritten plus a bias row. */
export const INIT_ZERO = 0;
export const INIT_ADD = 1;
export const INIT_BIAS = 2;
export type GemmInit = typeof INIT_ZERO | typeof INIT_ADD | typeof INIT_BIAS;

/**
 * C = init + A·M in blocks of 4 rows by 2 columns: eight sums stay in registers while
 * each step of k loads 6 values, which is what keeps scalar JS near its arithmetic limit.
 * The sum over k runs in ascending order, from zero; bias or C's old value is added last.
 * With INIT_BIAS, `bias[biasOff + n]` is added to column n. Arguments go C, A, M, sizes, init;
 * they are flat so that a call allocates nothing.
 */
export function gemmTs(
  c: FloatArray,
  cOff: number,
  ldc: number,
  a: FloatArray,
  aOff: number,
  ars: number,
  aks: number,
  m: FloatArray,
  mOff: number,
  mks: number,
  mns: number,
  R: number,
  N: number,
  K: number,
  init: GemmInit,
  bias: FloatArray | null,
  biasOff: number,
): void {
  let n = 0;

  // two columns of M at a time stay in L1 while every row block of A passes over them
  for (; n + 2 <= N; n += 2) {
    const m0 = mOff + n * mns;
    const m1 = m0 + mns;
    let r = 0;

    for (; r + 4 <= R; r += 4) {
      let c00 = 0,
        c01 = 0,
        c10 = 0,
        c11 = 0,
        c20 = 0,
        c21 = 0,
        c30 = 0,
        c31 = 0;
      let ap = aOff + r * ars;
      let mp = 0;
      for (let k = 0; k < K; k++) {
        const x0 = m[m0 + mp];
        const x1 = m[m1 + mp];
        const a0 = a[ap];
        const a1 = a[ap + ars];
        const a2 = a[ap + 2 * ars];
        const a3 = a[ap + 3 * ars];
        c00 += a0 * x0;
        c01 += a0 * x1;
        c10 += a1 * x0;
        c11 += a1 * x1;
        c20 += a2 * x0;
        c21 += a2 * x1;
        c30 += a3 * x0;
        c31 += a3 * x1;
        ap += aks;
        mp += mks;
      }
      const o = cOff + r * ldc + n;
      put(c, o, c00, init, bias, biasOff + n);
      put(c, o + 1, c01, init, bias, biasOff + n + 1);
      put(c, o + ldc, c10, init, bias, biasOff + n);
      put(c, o + ldc + 1, c11, init, bias, biasOff + n + 1);
      put(c, o + 2 * ldc, c20, init, bias, biasOff + n);
      put(c, o + 2 * ldc + 1, c21, init, bias, biasOff + n + 1);
      put(c, o + 3 * ldc, c30, init, bias, biasOff + n);
      put(c, o + 3 * ldc + 1, c31, init, bias, biasOff + n + 1);
    }

    for (; r < R; r++) {
      let s0 = 0;
      let s1 = 0;
      let ap = aOff + r * ars;
      let mp = 0;
      for (let k = 0; k < K; k++) {
        const v = a[ap];
        s0 += v * m[m0 + mp];
        s1 += v * m[m1 + mp];
        ap += aks;
        mp += mks;
      }
      const o = cOff + r * ldc + n;
      put(c, o, s0, init, bias, biasOff + n);
      put(c, o + 1, s1, init, bias, biasOff + n + 1);
    }
  }

  // the last column when N is odd
  if (n < N) {
    const m0 = mOff + n * mns;
    for (let r = 0; r < R; r++) {
      let s = 0;
      let ap = aOff + r * ars;
      let mp = m0;
      for (let k = 0; k < K; k++) {
        s += a[ap] * m[mp];
        ap += aks;
        mp += mks;
      }
      put(c, cOff + r * ldc + n, s, init, bias, biasOff + n);
    }
  }
}

function put(
  c: FloatArray,
  at: number,
  sum: number,
  init: GemmInit,
  bias: FloatArray | null,
  b: number,
): void {
  if (init === INIT_ZERO) c[at] = sum;
  else if (init === INIT_ADD) c[at] += sum;
  else c[at] = sum + (bias as FloatArray)[b];
}
