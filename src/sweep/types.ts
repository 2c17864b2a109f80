// What one range-test sweep records.

/** Why a sweep ended; "diverged" only when the divergence rule really fired. */
export type StopReason = "completed" | "diverged" | "non_finite" | "interrupted";

export interface StopInfo {
  reason: StopReason;
  /** The last recorded step (0-based). */
  step: number;
  lr: number;
  /** Raw loss at that step; null when it was not finite. */
  loss: number | null;
  /** Best smoothed loss seen before the stop. */
  best: number | null;
  message: string;
}

import type { Guard } from "../suggest/guards.js";

/** One recorded step: the lr its update used and the loss of its batch before that update. */
export interface SweepPoint {
  step: number;
  lr: number;
  loss: number | null;
  smoothed_loss: number | null;
  /** The lag-free (centred) smoothing the suggestions read; null past the usable points. */
  lagfree_loss?: number | null;
  val_loss?: number | null;
}

export interface SweepResult {
  optimizer: string;
  seed: number;
  points: SweepPoint[];
  stop: StopInfo;
  /** Step at which the divergence rule fired (also when stopping on it is off), else null. */
  divergence_step: number | null;
  /** Points usable for suggestions: finite, and not past the divergence step. */
  usable: number;
  batches_per_epoch: number;
  epochs: number;
  warnings: Guard[];
}
