// Mini-batches taken in order from an endless stream of (reshuffled) passes over the rows.

import type { Split } from "../data/types.js";
import { permutation, type Rng } from "../random.js";

/**
 * Batch i holds stream positions B·i … B·i + B − 1, where the stream is pass 0, pass 1, … of
 * the rows (each pass a fresh permutation when shuffling, file order otherwise). Every batch
 * is full, so a sweep longer than one epoch simply keeps going.
 */
export interface BatchStream {
  x: Float32Array; // (B, F) the current batch
  y: Float32Array; // (B,)
  /** Fill x and y with the next batch. */
  next(): void;
}

/** A stream over `split` with batch size B; `rng` is null when shuffling is off. */
export function createBatchStream(split: Split, features: number, B: number, rng: Rng | null) {
  const N = split.rows;
  const F = features;
  const order = new Int32Array(N);
  const x = new Float32Array(B * F);
  const y = new Float32Array(B);
  let pos = 0;

  const newPass = () => {
    if (rng) permutation(order, rng);
    else for (let i = 0; i < N; i++) order[i] = i;
  };
  newPass();

  const next = () => {
    for (let k = 0; k < B; k++) {
      if (pos === N) {
        newPass();
        pos = 0;
      }
      const row = order[pos++];
      x.set(split.x.subarray(row * F, row * F + F), k * F);
      y[k] = split.y[row];
    }
  };

  const stream: BatchStream = { x, y, next };
  return stream;
}
