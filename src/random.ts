// Seeded randomness for everything stochastic (init, shuffling, splits), via pure-rand.

import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/** A small, explicit random source passed to whatever needs one; never Math.random. */
export interface Rng {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Uniform integer on [0, n). */
  int(n: number): number;
}

/** A deterministic generator for a 32-bit seed. */
export function createRng(seed: number): Rng {
  const gen = xoroshiro128plus(seed | 0);
  return {
    uniform: () => uniformFloat64(gen),
    int: (n: number) => uniformInt(gen, 0, n - 1),
  };
}

/** Fisher–Yates shuffle of out = 0..n−1 in place. */
export function permutation(out: Int32Array, rng: Rng): Int32Array {
  for (let i = 0; i < out.length; i++) out[i] = i;
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}

/** Derive the seed of sub-run k from a base seed, so repeats differ but stay reproducible. */
export function deriveSeed(base: number, k: number): number {
  // one step of a 32-bit integer hash (splitmix-like) keeps neighbouring seeds far apart
  let h = (base ^ Math.imul(k + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
