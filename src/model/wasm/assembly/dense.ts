// WebAssembly SIMD kernels for dense layers. This is AssemblyScript, not TypeScript: asc
// compiles it at `npm run build` (../build-wasm.mjs) and tsc skips this folder.
//
// Pointers are byte offsets into the imported memory; sizes count f32 elements.
// One product shape serves the three products of a dense layer:
//
//   C (R, N) = init + A (R, K) · P (K, N)
//
// A is read through strides, element (r, k) at a + 4·(r·ars + k·aks), so a matrix and its
// transpose cost the same. P is packed first (`pack`) in panels of 8 columns: panel j holds
// P[k, 8j .. 8j + 7] for k = 0 .. K − 1, one after the other, zero past column N.
// Dimension letters: R rows of C, N columns of C, K the summed dimension.

// init 0: C = A·P (the input gradient)
const INIT_ADD: i32 = 1; // C += A·P (gradients accumulate)
const INIT_BIAS: i32 = 2; // C = A·P + bias, bias (N,) added to every row
const PANEL: i32 = 8; // columns per panel: two f32x4 vectors
const PANEL_BYTES: usize = 32;

/**
 * Pack the (K, N) matrix whose element (k, n) is at src + 4·(k·ldk + n·ldn) into panels at
 * dst, (ceil(N / 8), K, 8). The kernel then reads P in one forward stream per panel.
 */
export function pack(dst: usize, src: usize, K: i32, N: i32, ldk: i32, ldn: i32): void {
  const kBytes = <usize>ldk << 2;
  const nBytes = <usize>ldn << 2;
  let out = dst;

  for (let n0 = 0; n0 < N; n0 += PANEL) {
    const width = min(PANEL, N - n0);
    let row = src + <usize>n0 * nBytes;

    if (width == PANEL && ldn == 1) {
      // rows of P are contiguous: copy 8 floats at a time
      for (let k = 0; k < K; k++) {
        v128.store(out, v128.load(row));
        v128.store(out, v128.load(row, 16), 16);
        row += kBytes;
        out += PANEL_BYTES;
      }
    } else if (width == PANEL && ldk == 1) {
      packTransposed(out, row, K, nBytes);
      out += <usize>K * PANEL_BYTES;
    } else {
      for (let k = 0; k < K; k++) {
        let c = 0;
        for (; c < width; c++) {
          store<f32>(out + (<usize>c << 2), load<f32>(row + <usize>c * nBytes));
        }
        for (; c < PANEL; c++) store<f32>(out + (<usize>c << 2), 0);
        row += kBytes;
        out += PANEL_BYTES;
      }
    }
  }
}

// One full panel of a transposed source: 8 source rows (stride nBytes), K contiguous
// floats each, become K rows of 8. Four 4×4 transposes per 4 values of k.
function packTransposed(out: usize, src: usize, K: i32, nBytes: usize): void {
  let k = 0;

  for (; k + 4 <= K; k += 4) {
    const at = src + (<usize>k << 2);
    const o = out + <usize>k * PANEL_BYTES;
    transpose4(o, at, nBytes);
    transpose4(o + 16, at + 4 * nBytes, nBytes);
  }
  for (; k < K; k++) {
    for (let c = 0; c < PANEL; c++) {
      const v = load<f32>(src + <usize>c * nBytes + (<usize>k << 2));
      store<f32>(out + <usize>k * PANEL_BYTES + (<usize>c << 2), v);
    }
  }
}

// Rows src, src + stride, ... (4 floats each) written as columns of a 4×4 block whose rows
// are PANEL_BYTES apart.
// @ts-ignore: decorator
@inline function transpose4(out: usize, src: usize, stride: usize): void {
  const r0 = v128.load(src);
  const r1 = v128.load(src + stride);
  const r2 = v128.load(src + 2 * stride);
  const r3 = v128.load(src + 3 * stride);
  const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5); // r0[0] r1[0] r0[1] r1[1]
  const t1 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
  const t2 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7);
  const t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
  v128.store(out, v128.shuffle<f32>(t0, t1, 0, 1, 4, 5));
  v128.store(out + PANEL_BYTES, v128.shuffle<f32>(t0, t1, 2, 3, 6, 7));
  v128.store(out + 2 * PANEL_BYTES, v128.shuffle<f32>(t2, t3, 0, 1, 4, 5));
  v128.store(out + 3 * PANEL_BYTES, v128.shuffle<f32>(t2, t3, 2, 3, 6, 7));
}

/**
 * C (R, N), row stride ldc, = init + A·P with P packed by `pack`. `bias` is read only for
 * INIT_BIAS; `tmp` is 32 bytes of scratch for the last, partial panel.
 */
export function gemm(
  c: usize,
  ldc: i32,
  a: usize,
  ars: i32,
  aks: i32,
  p: usize,
  bias: usize,
  R: i32,
  N: i32,
  K: i32,
  init: i32,
  tmp: usize,
): void {
  const cBytes = <usize>ldc << 2;
  const rBytes = <usize>ars << 2;
  const kBytes = <usize>aks << 2;
  const panelBytes = <usize>K * PANEL_BYTES;
  let panel = p;

  // each panel of P (K × 32 bytes) stays in L1 while every row block of A passes over it
  for (let n0 = 0; n0 < N; n0 += PANEL) {
    const width = min(PANEL, N - n0);
    const cn = c + (<usize>n0 << 2);
    const bn = bias + (<usize>n0 << 2);
    let r = 0;
    for (; r + 4 <= R; r += 4) {
      const cr = cn + <usize>r * cBytes;
      block4(cr, cBytes, a + <usize>r * rBytes, rBytes, kBytes, panel, K, bn, width, init, tmp);
    }
    for (; r < R; r++) {
      const cr = cn + <usize>r * cBytes;
      block1(cr, a + <usize>r * rBytes, kBytes, panel, K, bn, width, init, tmp);
    }
    panel += panelBytes;
  }
}

// Four rows of C by 8 columns: 8 accumulators, 2 panel loads and 4 broadcasts per step of k.
// @ts-ignore: decorator
@inline function block4(
  c: usize,
  cBytes: usize,
  a: usize,
  rBytes: usize,
  kBytes: usize,
  p: usize,
  K: i32,
  bias: usize,
  width: i32,
  init: i32,
  tmp: usize,
): void {
  let c00 = f32x4.splat(0);
  let c01 = c00;
  let c10 = c00;
  let c11 = c00;
  let c20 = c00;
  let c21 = c00;
  let c30 = c00;
  let c31 = c00;
  let ak = a;
  let pk = p;

  for (let k = 0; k < K; k++) {
    const p0 = v128.load(pk);
    const p1 = v128.load(pk, 16);
    let s = v128.load32_splat(ak);
    c00 = f32x4.add(c00, f32x4.mul(s, p0));
    c01 = f32x4.add(c01, f32x4.mul(s, p1));
    s = v128.load32_splat(ak + rBytes);
    c10 = f32x4.add(c10, f32x4.mul(s, p0));
    c11 = f32x4.add(c11, f32x4.mul(s, p1));
    s = v128.load32_splat(ak + 2 * rBytes);
    c20 = f32x4.add(c20, f32x4.mul(s, p0));
    c21 = f32x4.add(c21, f32x4.mul(s, p1));
    s = v128.load32_splat(ak + 3 * rBytes);
    c30 = f32x4.add(c30, f32x4.mul(s, p0));
    c31 = f32x4.add(c31, f32x4.mul(s, p1));
    ak += kBytes;
    pk += PANEL_BYTES;
  }

  finish(c, c00, c01, bias, width, init, tmp);
  finish(c + cBytes, c10, c11, bias, width, init, tmp);
  finish(c + 2 * cBytes, c20, c21, bias, width, init, tmp);
  finish(c + 3 * cBytes, c30, c31, bias, width, init, tmp);
}

// One row of C by 8 columns, for the rows left over after blocks of four.
// @ts-ignore: decorator
@inline function block1(
  c: usize,
  a: usize,
  kBytes: usize,
  p: usize,
  K: i32,
  bias: usize,
  width: i32,
  init: i32,
  tmp: usize,
): void {
  let c0 = f32x4.splat(0);
  let c1 = c0;
  let ak = a;
  let pk = p;

  for (let k = 0; k < K; k++) {
    const s = v128.load32_splat(ak);
    c0 = f32x4.add(c0, f32x4.mul(s, v128.load(pk)));
    c1 = f32x4.add(c1, f32x4.mul(s, v128.load(pk, 16)));
    ak += kBytes;
    pk += PANEL_BYTES;
  }

  finish(c, c0, c1, bias, width, init, tmp);
}

// Store one row of 8 (or `width`) results, adding C's old value or the bias first.
// @ts-ignore: decorator
@inline function finish(
  c: usize,
  lo: v128,
  hi: v128,
  bias: usize,
  width: i32,
  init: i32,
  tmp: usize,
): void {
  if (width == PANEL) {
    if (init == INIT_ADD) {
      lo = f32x4.add(v128.load(c), lo);
      hi = f32x4.add(v128.load(c, 16), hi);
    } else if (init == INIT_BIAS) {
      lo = f32x4.add(lo, v128.load(bias));
      hi = f32x4.add(hi, v128.load(bias, 16));
    }
    v128.store(c, lo);
    v128.store(c, hi, 16);
    return;
  }

  // partial panel: go through scratch and store only the columns that exist
  v128.store(tmp, lo);
  v128.store(tmp, hi, 16);
  for (let j = 0; j < width; j++) {
    const at = <usize>j << 2;
    let v = load<f32>(tmp + at);
    if (init == INIT_ADD) v = load<f32>(c + at) + v;
    else if (init == INIT_BIAS) v = v + load<f32>(bias + at);
    store<f32>(c + at, v);
  }
}

/** g (O,) += column sums of d (B, O): the bias gradient. */
export function colSumsAdd(g: usize, d: usize, B: i32, O: i32): void {
  const rowBytes = <usize>O << 2;
  let o = 0;

  for (; o + 4 <= O; o += 4) {
    const at = <usize>o << 2;
    let s = f32x4.splat(0);
    let row = d + at;
    for (let b = 0; b < B; b++) {
      s = f32x4.add(s, v128.load(row));
      row += rowBytes;
    }
    v128.store(g + at, f32x4.add(v128.load(g + at), s));
  }
  for (; o < O; o++) {
    const at = <usize>o << 2;
    let s: f32 = 0;
    for (let b = 0; b < B; b++) s += load<f32>(d + <usize>b * rowBytes + at);
    store<f32>(g + at, load<f32>(g + at) + s);
  }
}

/** a = relu(z) over n floats, as src/model/activation.ts: z > 0 ? z : 0 (NaN gives 0). */
export function reluForward(a: usize, z: usize, n: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;

  for (; i + 4 <= n; i += 4) {
    const at = <usize>i << 2;
    const v = v128.load(z + at);
    v128.store(a + at, v128.bitselect(v, zero, f32x4.gt(v, zero)));
  }
  for (; i < n; i++) {
    const at = <usize>i << 2;
    const v = load<f32>(z + at);
    store<f32>(a + at, v > 0 ? v : 0);
  }
}

/** d = 0 wherever z is not > 0, in place over n floats: ReLU's backward. */
export function reluBackward(d: usize, z: usize, n: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;

  for (; i + 4 <= n; i += 4) {
    const at = <usize>i << 2;
    const keep = f32x4.gt(v128.load(z + at), zero);
    v128.store(d + at, v128.and(v128.load(d + at), keep));
  }
  for (; i < n; i++) {
    const at = <usize>i << 2;
    if (!(load<f32>(z + at) > 0)) store<f32>(d + at, 0);
  }
}
