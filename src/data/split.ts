// Hold out a validation fraction of the rows: per class for classification (stratified,
// each class keeps at least one training row), seeded, and the same for the same inputs.

import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

export interface SplitOptions {
  fraction: number; // in [0, 0.9]
  shuffle: boolean;
  seed: number;
  /** Class index per row for a stratified split; null splits all rows as one group. */
  classes: Int32Array | null;
}

export interface RowSplit {
  train: Int32Array; // (N_train,) ascending row positions
  validation: Int32Array; // (N_val,) ascending row positions
}

/**
 * Split rows 0..n-1. With `shuffle` each group is shuffled (Fisher-Yates, one seeded
 * xoroshiro128+ generator for all groups) before its last rows are held out; without it
 * the last rows of each group are held out, which keeps time order.
 */
export function splitRows(n: number, options: SplitOptions): RowSplit {
  const groups = groupRows(n, options.classes);
  const quotas = validationQuotas(groups.map((g) => g.length), options.fraction);
  const rng = xoroshiro128plus(options.seed | 0);

  const train: number[] = [];
  const validation: number[] = [];
  groups.forEach((group, g) => {
    if (options.shuffle) shuffleInPlace(group, rng);
    const cut = group.length - quotas[g];
    group.forEach((row, k) => (k < cut ? train : validation).push(row));
  });
  return {
    train: Int32Array.from(train).sort(),
    validation: Int32Array.from(validation).sort(),
  };
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

function groupRows(n: number, classes: Int32Array | null): number[][] {
  if (classes === null) return [Array.from({ length: n }, (_, i) => i)];
  const groups: number[][] = [];
  for (let i = 0; i < n; i++) {
    const c = classes[i];
    while (groups.length <= c) groups.push([]);
    groups[c].push(i);
  }
  return groups;
}

type Generator = ReturnType<typeof xoroshiro128plus>;

function shuffleInPlace(rows: number[], rng: Generator): void {
  for (let i = rows.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    const swap = rows[i];
    rows[i] = rows[j];
    rows[j] = swap;
  }
}
