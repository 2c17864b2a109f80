// Progress while loading, for a caller that shows it: how far through the file each pass
// is. Calls are spaced out, so a fast loop costs a clock read per chunk, not a callback.

import { performance } from "node:perf_hooks";
import type { LoadProgress } from "./types.js";

/** Shortest time between two calls within a pass, in milliseconds. */
const INTERVAL_MS = 250;

/** Throttled calls to an `onProgress` callback; does nothing without one. */
export class ProgressReporter {
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly onProgress: ((info: LoadProgress) => void) | undefined,
    private readonly totalBytes: number | null,
  ) {}

  /** Where a pass is; passed on at most every INTERVAL_MS. */
  update(pass: 1 | 2, rows: number, bytes: number): void {
    if (this.onProgress === undefined) return;
    const now = performance.now();
    if (now - this.last < INTERVAL_MS) return;
    this.last = now;
    this.onProgress({ bytes, totalBytes: this.totalBytes, rows, pass });
  }

  /** A pass is over: always passed on, with its final counts. */
  finish(pass: 1 | 2, rows: number, bytes: number): void {
    if (this.onProgress === undefined) return;
    this.last = performance.now();
    this.onProgress({ bytes, totalBytes: this.totalBytes, rows, pass });
  }
}
