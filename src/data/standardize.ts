// z-scores from the training rows only, so validation rows never leak into the scale.
// Matches scikit-learn's StandardScaler: population standard deviation (ddof = 0).

export interface Scale {
  mean: number;
  std: number;
}

/** Relative tolerance below which a column counts as constant. */
export const CONSTANT_TOLERANCE = 1e-7;

/** Above this magnitude, squares would overflow a double, so values are scaled first. */
const HUGE = 1e150;

/**
 * Population mean and standard deviation of `values` at `rows`, two-pass
 * (mean first, then the mean squared deviation) for accuracy.
 */
export function populationScale(values: Float64Array, rows: Int32Array): Scale {
  const n = rows.length;
  if (n === 0) return { mean: 0, std: 0 };
  let largest = 0;
  for (const i of rows) largest = Math.max(largest, Math.abs(values[i]));
  const unit = largest > HUGE ? largest : 1;

  let sum = 0;
  for (const i of rows) sum += values[i] / unit;
  const mean = sum / n;
  let squares = 0;
  for (const i of rows) {
    const deviation = values[i] / unit - mean;
    squares += deviation * deviation;
  }
  return { mean: mean * unit, std: Math.sqrt(squares / n) * unit };
}

/**
 * std ≤ 1e-7 · max(|mean|, 1). Ten copies of 0.1 have a std of about 1.4e-17, not 0;
 * dividing by it maps every row to 1 (scikit-learn #17794), so such columns are constant.
 */
export function isNearConstant(scale: Scale): boolean {
  return scale.std <= CONSTANT_TOLERANCE * Math.max(Math.abs(scale.mean), 1);
}

/** (x - mean) / std for every value; callers drop near-constant columns first. */
export function standardizeInPlace(values: Float64Array, scale: Scale): void {
  for (let i = 0; i < values.length; i++) values[i] = (values[i] - scale.mean) / scale.std;
}
