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
 * start + ⌊L/3⌋ + ⌊L/6⌋ with start = end − L (fastai 2.x `valley`, O(m²) as m is small).
 */
export function valley(s: ArrayLike<number>): Valley {
  const m = s.length;
  const lds = new Int32Array(m).fill(1);
  let end = 0;

  for (let i = 1; i < m; i++) {
    for (let j = 0; j < i; j++) {
      if (s[i] < s[j] && lds[j] + 1 > lds[i]) lds[i] = lds[j] + 1;
    }
    if (lds[i] > lds[end]) end = i;
  }

  const length = lds[end];
  const start = length === 1 ? 0 : end - length;
  const stop = length === 1 ? 0 : end;
  const index = start + Math.floor(length / 3) + Math.floor(length / 6);
  return { index: Math.min(index, m - 1), start, end: stop, length };
}
