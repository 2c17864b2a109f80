// Hold out a validation fraction of the rows: per class for classification (stratified,
// each class keeps at least one training row), seeded, and the same for the same inputs.

import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

export interface SplitOptions {
  fraction: number; // in [0, 0.9]
  shuffle: boolean;
  seed: number;
  /** Class index per row for a stratified split; null splits all rows as one group. */
  classes: ArrayLike<number> | null;
}

export interface RowSplit {
  train: Int32Array; // (N_train,) ascending row positions
  validation: Int32Array; // (N_val,) ascending row positions
}

/**
 * Mark the rows 0..n-1 to hold out: (n,) 1 for validation, 0 for training. With `shuffle`
 * each group is shuffled (Fisher-Yates, one seeded xoroshiro128+ generator for all groups)
 * before its last rows are held out; without it the last rows of each group are held out,
 * which keeps time order. Typed arrays throughout: millions of rows cost bytes, not objects.
 */
export function markValidation(n: number, options: SplitOptions): Uint8Array {
  const held = new Uint8Array(n);
  const starts = groupStarts(n, options.classes);
  const sizes = Array.from({ length: starts.length - 1 }, (_, g) => starts[g + 1] - starts[g]);
  const quotas = validationQuotas(sizes, options.fraction);
  // with nothing held out, the order within groups cannot matter
  if (quotas.every((quota) => quota === 0)) return held;

  const order = groupRows(n, options.classes, starts);
  const rng = xoroshiro128plus(options.seed | 0);
  sizes.forEach((size, g) => {
    const group = order.subarray(starts[g], starts[g + 1]);
    if (options.shuffle) shuffleInPlace(group, rng);
    for (let k = size - quotas[g]; k < size; k++) held[group[k]] = 1;
  });
  return held;
}

/** The split as row lists: training and validation rows, each ascending. */
export function splitRows(n: number, options: SplitOptions): RowSplit {
  const held = markValidation(n, options);
  let count = 0;
  for (let i = 0; i < n; i++) count += held[i];
  const train = new Int32Array(n - count);
  const validation = new Int32Array(count);
  let t = 0;
  let v = 0;
  for (let i = 0; i < n; i++) {
    if (held[i] === 1) validation[v++] = i;
    else train[t++] = i;
  }
  return { train, validation };
}

/**
 * Rows per group to hold out: round(fraction * n) in total, shared by largest remainder,
 * never a group's last row.
 */
export function validationQuotas(sizes: number[], fraction: number): number[] {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const quotas = sizes.map((size) => Math.max(0, Math.min(Math.floor(fraction * size), size - 1)));
  let left = Math.round(fraction * total) - quotas.reduce((sum, q) => sum + q, 0);

  const byRemainder = sizes
    .map((size, g) => ({ g, remainder: fraction * size - Math.floor(fraction * size) }))
    .sort((a, b) => b.remainder - a.remainder || a.g - b.g);
  for (const { g } of byRemainder) {
    if (left <= 0) break;
    if (quotas[g] < sizes[g] - 1) {
      quotas[g] += 1;
      left -= 1;
    }
  }
  return quotas;
}

/** (G + 1,) where each class's rows start in a list grouped by class; all rows one group. */
function groupStarts(n: number, classes: ArrayLike<number> | null): Int32Array {
  if (classes === null) return Int32Array.of(0, n);
  let groups = 0;
  for (let i = 0; i < n; i++) groups = Math.max(groups, classes[i] + 1);
  const starts = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) starts[classes[i] + 1] += 1;
  for (let g = 0; g < groups; g++) starts[g + 1] += starts[g];
  return starts;
}

/** (N,) rows by class, ascending within each: group g is order[starts[g], starts[g + 1]). */
function groupRows(n: number, classes: ArrayLike<number> | null, starts: Int32Array): Int32Array {
  const order = new Int32Array(n);
  if (classes === null) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order;
  }
  const next = starts.slice(0, starts.length - 1);
  for (let i = 0; i < n; i++) order[next[classes[i]]++] = i;
  return order;
}

type Generator = ReturnType<typeof xoroshiro128plus>;

function shuffleInPlace(rows: Int32Array, rng: Generator): void {
  for (let i = rows.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    const swap = rows[i];
    rows[i] = rows[j];
    rows[j] = swap;
  }
}
