// Compare a computed series with a reference one and say how far apart they are at worst.

/** The largest differences and whether every element met |a - e| <= atol + rtol * |e|. */
export interface Comparison {
  ok: boolean;
  maxAbs: number;
  maxRel: number;
  worstAt: number;
}

/** Compare element by element; worstAt is the index that used most of its tolerance. */
export function compareSeries(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rtol: number,
  atol: number,
): Comparison {
  if (actual.length !== expected.length) {
    throw new Error(`length ${actual.length} differs from the reference's ${expected.length}`);
  }
  let ok = true;
  let maxAbs = 0;
  let maxRel = 0;
  let worstAt = -1;
  let worstUse = -1;
  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs(actual[i] - expected[i]);
    const allowed = atol + rtol * Math.abs(expected[i]);
    if (!(diff <= allowed)) ok = false;

    maxAbs = Math.max(maxAbs, diff);
    if (expected[i] !== 0) maxRel = Math.max(maxRel, diff / Math.abs(expected[i]));
    if (diff / allowed > worstUse) {
      worstUse = diff / allowed;
      worstAt = i;
    }
  }
  return { ok, maxAbs, maxRel, worstAt };
}

/** One line for an assertion message. */
export function describeComparison(what: string, c: Comparison): string {
  return (
    `${what}: largest |diff| ${c.maxAbs.toExponential(2)}, ` +
    `largest rel diff ${c.maxRel.toExponential(2)}, worst at index ${c.worstAt}`
  );
}
