// z-scores from the training rows only, so validation rows never leak into the scale.
// Matches scikit-learn's StandardScaler: population standard deviation (ddof = 0).
//
// Values are written to float32 before the training mean is known, so each column is held
// as (value - shift) / unit, with `shift` a typical value (a sampled median, which one
// outlier cannot drag away) and `unit` a power of two: float32 keeps about 7 digits of a
// value's distance from the shift rather than of the value, so a timestamp column keeps its
// seconds, and huge values cannot overflow. Scaling by a power of two is exact.

export interface Scale {
  mean: number;
  std: number;
}

/** How a column is held before it is standardized: (value - shift) / unit. */
export interface Storage {
  shift: number;
  unit: number; // a power of two
}

/** Relative tolerance below which a column counts as constant. */
export const CONSTANT_TOLERANCE = 1e-7;

/** Storage for values in [min, max] around a typical value `middle` (NaN: none were seen). */
export function storageFor(min: number, max: number, middle: number): Storage {
  if (!(min <= max)) return { shift: 0, unit: 1 };
  const shift = middle >= min && middle <= max ? middle : min / 2 + max / 2;
  // half the largest distance from the shift, computed in halves so it cannot overflow
  const reach = Math.max(max / 2 - shift / 2, shift / 2 - min / 2);
  if (!(reach > 0)) return { shift, unit: 1 };
  const exponent = Math.min(1023, Math.max(-1000, Math.ceil(Math.log2(reach)) + 1));
  return { shift, unit: 2 ** exponent };
}

/**
 * Mean and population std of the values added, in one pass (Welford 1962), on values
 * divided by the storage unit so that squares cannot overflow.
 */
export class ColumnScale {
  readonly storage: Storage;
  private readonly inverse: number;
  private readonly shifted: number;
  private count = 0;
  private mean = 0; // of value / unit
  private squares = 0; // sum of squared deviations of value / unit from `mean`

  constructor(storage: Storage) {
    this.storage = storage;
    this.inverse = 1 / storage.unit;
    this.shifted = storage.shift * this.inverse;
  }

  /** The value as stored: (value - shift) / unit, as two exact scalings and one subtraction. */
  stored(value: number): number {
    return value * this.inverse - this.shifted;
  }

  add(value: number): void {
    const x = value * this.inverse;
    this.count += 1;
    const delta = x - this.mean;
    this.mean += delta / this.count;
    this.squares += delta * (x - this.mean);
  }

  /** Values added so far. */
  get size(): number {
    return this.count;
  }

  /** Mean and std over `rows` rows, as stored; rows not added held the mean. */
  storedScale(rows = this.count): Scale {
    if (rows === 0) return { mean: 0, std: 0 };
    return { mean: this.mean - this.shifted, std: Math.sqrt(this.squares / rows) };
  }

  /** The same in the column's own units. */
  scale(rows = this.count): Scale {
    if (rows === 0) return { mean: 0, std: 0 };
    const { unit } = this.storage;
    return { mean: this.mean * unit, std: Math.sqrt(this.squares / rows) * unit };
  }
}

/**
 * std ≤ 1e-7 · max(|mean|, 1). Ten copies of 0.1 can have a std of about 1.4e-17, not 0;
 * dividing by it maps every row to 1 (scikit-learn #17794), so such columns are constant.
 */
export function isNearConstant(scale: Scale): boolean {
  return scale.std <= CONSTANT_TOLERANCE * Math.max(Math.abs(scale.mean), 1);
}

/**
 * (x - mean) / std for column `k` of a row-major (N, F) block, in place; NaN (a gap that
 * the mean fills) becomes 0. Callers drop near-constant columns first.
 */
export function standardizeColumn(x: Float32Array, width: number, k: number, scale: Scale): void {
  const { mean, std } = scale;
  for (let at = k; at < x.length; at += width) {
    const value = x[at];
    x[at] = value === value ? (value - mean) / std : 0;
  }
}
