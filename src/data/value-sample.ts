// A fixed-size, evenly spaced sample of a column's numbers, for a robust middle value (its
// median) without keeping the column: every value until the buffer fills, then every
// second, fourth, ... value. Deterministic, so the same file always gives the same sample.

/** Values kept at once: 8 KB per column. */
const SAMPLE_SIZE = 1024;

/** Keeps every `stride`-th value added, thinning itself when full. */
export class ValueSample {
  private readonly values = new Float64Array(SAMPLE_SIZE);
  private size = 0;
  private stride = 1;
  private skipped = 0;

  add(value: number): void {
    if (++this.skipped < this.stride) return;
    this.skipped = 0;
    if (this.size === SAMPLE_SIZE) {
      // keep every second value and sample half as often
      for (let i = 0; i < SAMPLE_SIZE / 2; i++) this.values[i] = this.values[2 * i + 1];
      this.size = SAMPLE_SIZE / 2;
      this.stride *= 2;
    }
    this.values[this.size++] = value;
  }

  /** The sample's median (the lower middle value); NaN when nothing was added. */
  median(): number {
    if (this.size === 0) return Number.NaN;
    const sorted = this.values.slice(0, this.size).sort();
    return sorted[(this.size - 1) >> 1];
  }
}
