import { describe, expect, it } from "vitest";

import { linearBackward, linearForward } from "../../src/model/linear.js";
import { createRng } from "../../src/random.js";
import {
  naiveLayer,
  randomCase,
  randomShapes,
  worstError,
  type LayerCase,
} from "./kernels-reference.js";

// Errors are measured against tol · Σ|terms| of each output: the bound a sum of products
// obeys whatever the order of summation. float64 differs from the naive loop only in that
// order; float32 also rounds every stored value (the arithmetic itself is in doubles).
const TOL = { float64: 1e-13, float32: 1e-6 };
const SHAPES = randomShapes(8, 40, 70);

function runTs(c: LayerCase, Arr: typeof Float32Array | typeof Float64Array) {
  const { B, I, O } = c;
  const x = Arr.from(c.x);
  const params = Arr.from(c.params);
  const dout = Arr.from(c.dout);
  const grads = Arr.from(c.grads);
  const out = new Arr(B * O);
  const dx = new Arr(B * I);

  linearForward(out, x, params, 0, O * I, B, I, O);
  linearBackward(dx, grads, dout, x, params, 0, O * I, B, I, O);
  return { out, grads, dx };
}

describe("TypeScript dense-layer kernels against a naive float64 layer", () => {
  it.each(["float64", "float32"] as const)(
    "compute forward, weight and input gradients on random shapes (%s)",
    (dtype) => {
      const Arr = dtype === "float64" ? Float64Array : Float32Array;
      const rng = createRng(1);

      for (const [B, I, O] of SHAPES) {
        const c = randomCase(rng, B, I, O);
        const want = naiveLayer(c);
        const got = runTs(c, Arr);
        const what = `${dtype} B=${B} I=${I} O=${O}`;

        for (const [name, g, w, s] of [
          ["out", got.out, want.out, want.outScale],
          ["grads", got.grads, want.grads, want.gradScale],
          ["dx", got.dx, want.dx, want.dxScale],
        ] as const) {
          const e = worstError(g, w, s, TOL[dtype]);
          const detail = `${what} ${name}[${e.at}]: got ${e.got}, want ${e.want}`;
          expect(e.ratio, detail).toBeLessThan(1);
        }
      }
    },
  );

  it("accumulates the weight gradient into what the buffer already holds", () => {
    const c = randomCase(createRng(2), 6, 5, 3);
    const once = runTs(c, Float64Array).grads;
    const twice = runTs({ ...c, grads: Array.from(once) }, Float64Array).grads;
    const fresh = runTs({ ...c, grads: c.grads.map(() => 0) }, Float64Array).grads;

    for (let i = 0; i < once.length; i++) {
      expect(twice[i]).toBeCloseTo(once[i] + fresh[i], 12);
    }
  });

  it("leaves the input gradient alone when none is asked for", () => {
    const c = randomCase(createRng(3), 4, 3, 2);
    const g = Float64Array.from(c.grads);
    linearBackward(
      null,
      g,
      Float64Array.from(c.dout),
      Float64Array.from(c.x),
      Float64Array.from(c.params),
      0,
      6,
      4,
      3,
      2,
    );
    const e = worstError(g, naiveLayer(c).grads, naiveLayer(c).gradScale, TOL.float64);
    expect(e.ratio).toBeLessThan(1);
  });
});
