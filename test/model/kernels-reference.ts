// A naive dense layer in float64 to hold the kernels to, and random layer problems to feed
// them. Shapes: x (B, I), w (O, I), b (O,), dout (B, O), dx (B, I), g like the params.

import { createRng, type Rng } from "../../src/random.js";

/** One layer's inputs, with the weight and bias packed like the MLP's params buffer. */
export interface LayerCase {
  B: number;
  I: number;
  O: number;
  x: number[]; // (B, I)
  params: number[]; // (O·I + O,) weight (O, I) then bias (O,)
  dout: number[]; // (B, O)
  grads: number[]; // (O·I + O,) gradient already accumulated before this call
}

/** Results of the naive layer, and the sums of |terms| that bound rounding error. */
export interface LayerResult {
  out: number[]; // (B, O)
  grads: number[]; // (O·I + O,) input grads plus this call's dw and db
  dx: number[]; // (B, I)
  outScale: number[]; // (B, O) Σ|x·w| + |b|
  gradScale: number[]; // (O·I + O,) |g| + Σ|dout·x|
  dxScale: number[]; // (B, I) Σ|dout·w|
}

/** A layer problem with entries in [-1, 1] and some exact zeros (as ReLU leaves). */
export function randomCase(rng: Rng, B: number, I: number, O: number): LayerCase {
  const values = (n: number) =>
    Array.from({ length: n }, () => (rng.uniform() < 0.1 ? 0 : 2 * rng.uniform() - 1));
  return {
    B,
    I,
    O,
    x: values(B * I),
    params: values(O * I + O),
    dout: values(B * O),
    grads: values(O * I + O),
  };
}

/** Seeded random shapes: odd sizes, sizes below and around the 4- and 8-wide blocks. */
export function randomShapes(seed: number, count: number, max: number) {
  const rng = createRng(seed);
  const fixed: [number, number, number][] = [
    [1, 1, 1],
    [1, 9, 3],
    [5, 7, 9],
    [4, 8, 8],
    [3, 17, 1],
    [33, 13, 15],
    [32, 64, 10],
  ];
  const drawn = Array.from(
    { length: count },
    () => [1 + rng.int(max), 1 + rng.int(max), 1 + rng.int(max)] as [number, number, number],
  );
  return [...fixed, ...drawn];
}

/** out = x·wᵀ + b, g += [doutᵀ·x, colsum(dout)], dx = dout·w, in float64, loop by loop. */
export function naiveLayer(c: LayerCase): LayerResult {
  const { B, I, O, x, params, dout } = c;
  const bOff = O * I;
  const out = new Array<number>(B * O).fill(0);
  const outScale = new Array<number>(B * O).fill(0);
  const grads = [...c.grads];
  const gradScale = c.grads.map(Math.abs);
  const dx = new Array<number>(B * I).fill(0);
  const dxScale = new Array<number>(B * I).fill(0);

  for (let r = 0; r < B; r++) {
    for (let o = 0; o < O; o++) {
      let s = params[bOff + o];
      let m = Math.abs(s);
      for (let i = 0; i < I; i++) {
        s += x[r * I + i] * params[o * I + i];
        m += Math.abs(x[r * I + i] * params[o * I + i]);
      }
      out[r * O + o] = s;
      outScale[r * O + o] = m;
    }
  }

  for (let r = 0; r < B; r++) {
    for (let o = 0; o < O; o++) {
      const d = dout[r * O + o];
      grads[bOff + o] += d;
      gradScale[bOff + o] += Math.abs(d);
      for (let i = 0; i < I; i++) {
        grads[o * I + i] += d * x[r * I + i];
        gradScale[o * I + i] += Math.abs(d * x[r * I + i]);
        dx[r * I + i] += d * params[o * I + i];
        dxScale[r * I + i] += Math.abs(d * params[o * I + i]);
      }
    }
  }

  return { out, grads, dx, outScale, gradScale, dxScale };
}

/**
 * The largest error of `got` against `want`, measured in units of the error bound
 * tol · scale + tiny: below 1 passes. Also returns where, for the failure message.
 */
export function worstError(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  scale: ArrayLike<number>,
  tol: number,
): { ratio: number; at: number; got: number; want: number } {
  let worst = { ratio: 0, at: -1, got: 0, want: 0 };
  for (let i = 0; i < want.length; i++) {
    const bound = tol * scale[i] + 1e-30;
    const ratio = Number.isNaN(got[i]) ? Infinity : Math.abs(got[i] - want[i]) / bound;
    if (ratio > worst.ratio) worst = { ratio, at: i, got: got[i], want: want[i] };
  }
  return worst;
}
