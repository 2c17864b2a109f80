// Numerical derivatives of a sampled curve, as numpy.gradient computes them.

/**
 * numpy.gradient(s) with unit spacing: central differences inside, one-sided at the ends.
 * Reference: numpy.gradient docs ("second order accurate central differences").
 */
export function gradientUnit(s: ArrayLike<number>): Float64Array {
  const m = s.length;
  const g = new Float64Array(m);
  if (m < 2) return g;

  g[0] = s[1] - s[0];
  for (let k = 1; k < m - 1; k++) g[k] = (s[k + 1] - s[k - 1]) / 2;
  g[m - 1] = s[m - 1] - s[m - 2];
  return g;
}

/** numpy.gradient(s, x) for non-uniform x (its second-order interior formula). */
export function gradientAt(s: ArrayLike<number>, x: ArrayLike<number>): Float64Array {
  const m = s.length;
  const g = new Float64Array(m);
  if (m < 2) return g;

  g[0] = (s[1] - s[0]) / (x[1] - x[0]);
  for (let k = 1; k < m - 1; k++) {
    const h1 = x[k] - x[k - 1];
    const h2 = x[k + 1] - x[k];
    g[k] =
      (-h2 / (h1 * (h1 + h2))) * s[k - 1] +
      ((h2 - h1) / (h1 * h2)) * s[k] +
      (h1 / (h2 * (h1 + h2))) * s[k + 1];
  }
  g[m - 1] = (s[m - 1] - s[m - 2]) / (x[m - 1] - x[m - 2]);
  return g;
}

/** Index of the smallest value, first on ties. */
export function argmin(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i] < v[best]) best = i;
  return best;
}
