// Synthetic data for the workloads, from fixed seeds, shaped like the peers' data sets:
// class prototypes plus noise in [0, 1] for the classification sets, and a smooth function
// of Gaussian inputs for the regression set. Timing does not depend on the values as long
// as they are ordinary numbers and the loss stays finite.

import type { Split } from "../data/types.js";
import { createRng, type Rng } from "../random.js";
import type { Workload } from "./workloads.js";

/** The training rows of a workload: x (N, F), y (N,) class index or target. */
export function syntheticSplit(w: Workload): Split {
  const rng = createRng(w.seed);
  const N = w.rows;
  const F = w.sizes[0];
  const C = w.sizes[w.sizes.length - 1];
  return w.loss === "cross_entropy" ? prototypes(rng, N, F, C) : smoothRegression(rng, N, F);
}

// Each class has a prototype with about 20% of its inputs "on"; a row is its class's
// prototype plus uniform noise, clipped to [0, 1].
function prototypes(rng: Rng, N: number, F: number, C: number): Split {
  const proto = new Float32Array(C * F); // (C, F)
  for (let i = 0; i < proto.length; i++) {
    proto[i] = rng.uniform() < 0.2 ? 0.5 + 0.5 * rng.uniform() : 0;
  }

  const x = new Float32Array(N * F); // (N, F)
  const y = new Float32Array(N); // (N,)
  for (let r = 0; r < N; r++) {
    const c = rng.int(C);
    y[r] = c;
    for (let f = 0; f < F; f++) {
      const v = proto[c * F + f] + 0.35 * rng.uniform() - 0.1;
      x[r * F + f] = Math.min(1, Math.max(0, v));
    }
  }
  return { x, y, rows: N };
}

// x ~ N(0, 1); y = sin(x·a) + 0.5 tanh(x·b) + 0.1 noise, with a, b ~ N(0, 1/F).
function smoothRegression(rng: Rng, N: number, F: number): Split {
  const a = new Float64Array(F);
  const b = new Float64Array(F);
  for (let f = 0; f < F; f++) {
    a[f] = gaussian(rng) / Math.sqrt(F);
    b[f] = gaussian(rng) / Math.sqrt(F);
  }

  const x = new Float32Array(N * F); // (N, F)
  const y = new Float32Array(N); // (N,)
  for (let r = 0; r < N; r++) {
    let sa = 0;
    let sb = 0;
    for (let f = 0; f < F; f++) {
      const v = gaussian(rng);
      x[r * F + f] = v;
      sa += v * a[f];
      sb += v * b[f];
    }
    y[r] = Math.sin(sa) + 0.5 * Math.tanh(sb) + 0.1 * gaussian(rng);
  }
  return { x, y, rows: N };
}

// Box–Muller; one of the pair is enough here.
function gaussian(rng: Rng): number {
  const u = 1 - rng.uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.uniform());
}
