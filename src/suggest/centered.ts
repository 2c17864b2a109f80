// A lag-free smoothing of the raw losses, for reading suggestions off the curve.

/**
 * Bandwidth in points: a twentieth of the curve, at least 2 (5 points for a 100-step sweep)
 * and at most 50, so the cost stays linear in n for very long sweeps.
 */
export function defaultBandwidth(n: number): number {
  return Math.min(50, Math.max(2, n / 20));
}

/**
 * Local linear regression with a Gaussian kernel of `h` points (a LOWESS without robustness
 * passes; Cleveland 1979). It is centred, so features of the curve stay where they are; the
 * causal EMA (β = 0.98) trails a rising loss by tens of steps. The linear term keeps slopes
 * unbiased at both ends, where a plain kernel average would flatten them.
 */
export function smoothCentered(values: ArrayLike<number>, n: number, h = defaultBandwidth(n)) {
  const out = new Float64Array(n);
  const reach = Math.ceil(3 * h);
  const kernel = new Float64Array(reach + 1); // (reach + 1,) weight at distance |d|
  for (let d = 0; d <= reach; d++) kernel[d] = Math.exp(-0.5 * (d / h) ** 2);

  for (let i = 0; i < n; i++) {
    // weighted least squares of v ≈ a + b·(j − i); out[i] = a
    let sw = 0;
    let sx = 0;
    let sxx = 0;
    let sy = 0;
    let sxy = 0;
    const lo = Math.max(0, i - reach);
    const hi = Math.min(n - 1, i + reach);
    for (let j = lo; j <= hi; j++) {
      const d = j - i;
      const w = kernel[d < 0 ? -d : d];
      sw += w;
      sx += w * d;
      sxx += w * d * d;
      sy += w * values[j];
      sxy += w * d * values[j];
    }
    const det = sw * sxx - sx * sx;
    out[i] = det > 1e-12 * sw * sxx ? (sy * sxx - sx * sxy) / det : sy / sw;
  }

  return out;
}
