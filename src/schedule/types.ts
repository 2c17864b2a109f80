// The contract for learning-rate schedules: pure functions of the step index.

/** A schedule evaluated at step t = 0, 1, ...: the lr (and momentum, if it cycles) used there. */
export interface Schedule {
  readonly kind: string;
  lrAt(t: number): number;
  /** Present only for schedules that cycle momentum (one-cycle, cyclic with cycle_momentum). */
  momentumAt?: (t: number) => number;
}
