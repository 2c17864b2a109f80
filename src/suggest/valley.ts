// fastai's `valley` rule: a point partway down the longest descending stretch of the curve.

/** Where the valley rule lands, and the stretch it came from (indices within the window). */
export interface Valley {
  index: number;
  start: number;
  end: number;
  length: number;
}

/**
 * lds[i] = length of the longest strictly decreasing subsequence ending at i; the pick is
 * start + ⌊L/3⌋ + ⌊L/6⌋ with start = end − L (fastai 2.x `valley`). lds is computed in
 * O(m log m) with a Fenwick tree of prefix maxima over value ranks, so long sweeps stay fast.
 */
export function valley(s: ArrayLike<number>): Valley {
  const m = s.length;
  const lds = longestDecreasingEndingAt(s);
  let end = 0;
  for (let i = 1; i < m; i++) if (lds[i] > lds[end]) end = i;

  const length = lds[end];
  const start = length === 1 ? 0 : end - length;
  const stop = length === 1 ? 0 : end;
  const index = start + Math.floor(length / 3) + Math.floor(length / 6);
  return { index: Math.min(index, m - 1), start, end: stop, length };
}

// rank 1 is the largest value; lds[i] = 1 + max lds over earlier points of smaller rank
// (strictly larger value), read as a prefix maximum of a Fenwick tree
function longestDecreasingEndingAt(s: ArrayLike<number>): Int32Array {
  const m = s.length;
  const sorted = Float64Array.from(s).sort().reverse();
  const rank = new Int32Array(m); // (m,) 1-based, equal values share a rank
  for (let i = 0; i < m; i++) rank[i] = firstIndexOf(sorted, s[i]) + 1;

  const tree = new Int32Array(m + 1); // (m + 1,) Fenwick tree of maxima over ranks
  const lds = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    let best = 0;
    for (let k = rank[i] - 1; k > 0; k -= k & -k) best = Math.max(best, tree[k]);
    lds[i] = best + 1;
    for (let k = rank[i]; k <= m; k += k & -k) tree[k] = Math.max(tree[k], lds[i]);
  }
  return lds;
}

// first position of v in a descending array (binary search)
function firstIndexOf(desc: Float64Array, v: number): number {
  let lo = 0;
  let hi = desc.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (desc[mid] > v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
