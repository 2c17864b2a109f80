// When a range test should stop: the smoothed loss has blown up relative to its best.

/**
 * Fraction of the first smoothed loss below which "best" is not trusted: a noise-free
 * regression can reach ~1e-12, and k × 1e-12 is only rounding noise (cases BL-06).
 */
export const BEST_FLOOR_FRACTION = 0.01;

/** Tracks the best smoothed loss and says when smoothed > factor × max(best, floor). */
export class DivergenceRule {
  best = Infinity;
  private floor = 0;

  constructor(private readonly factor: number) {}

  /** Fold in one finite smoothed loss; true when the rule fires at this point. */
  fires(smoothed: number): boolean {
    if (this.best === Infinity) this.floor = BEST_FLOOR_FRACTION * Math.abs(smoothed);
    if (smoothed < this.best) this.best = smoothed;
    return smoothed > this.factor * Math.max(this.best, this.floor);
  }
}
