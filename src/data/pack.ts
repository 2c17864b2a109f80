// Copy the rows of one split into the row-major float32 block the sweep reads.

import { LrFindError } from "../errors.js";
import type { Split } from "./types.js";

/** Rows `rows` of the columns `outputs` (and of `y`) as a Split; values must fit float32. */
export function packSplit(
  outputs: ArrayLike<number>[],
  names: string[],
  y: Float64Array,
  rows: Int32Array,
): Split {
  const f = outputs.length;
  const x = new Float32Array(rows.length * f); // (N, F) row-major
  const labels = new Float32Array(rows.length); // (N,)
  rows.forEach((row, r) => {
    for (let k = 0; k < f; k++) x[r * f + k] = outputs[k][row];
    labels[r] = y[row];
  });
  checkFinite(x, (at) => `feature ${names[at % f]}`);
  checkFinite(labels, () => "the target");
  return { x, y: labels, rows: rows.length };
}

/** A double too large for float32 becomes Infinity; say which column instead. */
function checkFinite(values: Float32Array, what: (at: number) => string): void {
  const at = values.findIndex((value) => !Number.isFinite(value));
  if (at < 0) return;
  throw new LrFindError(
    "data.value",
    `${what(at)} has a value beyond the float32 range (about 3.4e38)`,
    {},
    "set data.standardize: true (and data.standardize_target: true), or rescale the column",
  );
}
