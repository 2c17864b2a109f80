// The row-major float32 blocks the sweep reads: allocated once, at their final row count,
// written by the second pass, narrowed in place if a column is dropped, checked at the end.

import { LrFindError } from "../errors.js";
import type { Split } from "./types.js";

/** An empty Split of `rows` rows of `width` features. */
export function allocateSplit(rows: number, width: number): Split {
  return {
    x: new Float32Array(rows * width), // (N, F) row-major
    y: new Float32Array(rows), // (N,)
    rows,
  };
}

/**
 * Remove columns `dropped` (ascending) from a row-major (N, width) block, in place: each
 * row moves left over the gaps, so no second block is allocated. `x` becomes a view of the
 * start of its buffer. NOTE: the buffer keeps its size; only columns that turn out constant
 * in the training rows alone are dropped here, which is rare.
 */
export function compactColumns(split: Split, width: number, dropped: number[]): void {
  const gone = new Uint8Array(width);
  for (const k of dropped) gone[k] = 1;
  const kept = Int32Array.from({ length: width }, (_, k) => k).filter((k) => gone[k] === 0);
  const narrow = kept.length;
  const { x } = split;
  for (let r = 0; r < split.rows; r++) {
    const from = r * width;
    const to = r * narrow;
    for (let c = 0; c < narrow; c++) x[to + c] = x[from + kept[c]];
  }
  split.x = x.subarray(0, split.rows * narrow);
}

/** Values must fit float32: a double too large for it became Infinity; say which column. */
export function checkFinite(split: Split, names: string[]): void {
  const f = names.length;
  checkValues(split.x, (at) => `feature ${names[at % f]}`);
  checkValues(split.y, () => "the target");
}

function checkValues(values: Float32Array, what: (at: number) => string): void {
  let at = 0;
  // x - x is 0 for a finite value and NaN for Infinity or NaN
  while (at < values.length && values[at] - values[at] === 0) at += 1;
  if (at === values.length) return;
  throw new LrFindError(
    "data.value",
    `${what(at)} has a value beyond the float32 range (about 3.4e38)`,
    {},
    "set data.standardize: true (and data.standardize_target: true), or rescale the column",
  );
}
