// Assertions on a result for CI: each failure is one line saying what was expected and found.

import type { RangeTestResult } from "../commands/result-schema.js";
import type { ExpectConfig } from "./schema.js";

const fmt = (v: number) => Number(v.toPrecision(4)).toString();

/** Every failed expectation, as one line each; empty when all hold. */
export function checkExpectations(result: RangeTestResult, expect: ExpectConfig): string[] {
  const failures: string[] = [];

  if (expect.lr !== undefined) {
    const [lo, hi] = expect.lr;
    const s = result.suggestion;
    if (s === null) {
      failures.push(
        `expected a suggestion in ${fmt(lo)}..${fmt(hi)}, but there is none: ` +
          (result.reason ?? "no reason given"),
      );
    } else if (s.lr < lo || s.lr > hi) {
      failures.push(
        `expected the suggestion in ${fmt(lo)}..${fmt(hi)}, got ${fmt(s.lr)} ` + `(${s.method})`,
      );
    }
  }

  if (expect.no_divergence_below !== undefined) {
    const limit = expect.no_divergence_below;
    for (const run of result.runs) {
      const bad = run.stop.reason === "diverged" || run.stop.reason === "non_finite";
      if (bad && run.stop.lr < limit) {
        failures.push(
          `expected no divergence below lr ${fmt(limit)}, but ${run.optimizer} ` +
            `(seed ${run.seed}) stopped ${run.stop.reason} at lr ${fmt(run.stop.lr)} ` +
            `(step ${run.stop.step})`,
        );
      }
    }
  }

  return failures;
}
