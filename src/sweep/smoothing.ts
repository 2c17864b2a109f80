// The causal smoothed loss that drives the live divergence stop.

/**
 * Exponential moving average with bias correction, so the first smoothed value equals the
 * first loss (avg starts at 0; smoothed_i = avg_i / (1 − β^(i+1))). fastai's AvgSmoothLoss.
 */
export class SmoothedLoss {
  private avg = 0;
  private count = 0;

  constructor(private readonly beta: number) {}

  /** Fold in one loss and return the bias-corrected average. */
  push(loss: number): number {
    this.count++;
    this.avg = this.beta * this.avg + (1 - this.beta) * loss;
    return this.avg / (1 - this.beta ** this.count);
  }
}
