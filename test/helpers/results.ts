// Real range-test results for report tests, made by the pipeline itself.

import { join } from "node:path";

import { runRangeTest, type RangeTestResult } from "../../src/commands/range-test.js";
import { loadSpec } from "../../src/spec/load-spec.js";
import { REPO } from "./cli.js";

/** The result of a shipped config with seed 42. */
export async function rangeTest(config: string): Promise<RangeTestResult> {
  return runRangeTest({ ...loadSpec(join(REPO, "configs", config)), seed: 42 });
}

/** The same result with nothing read off its curves, as when the loss never fell. */
export function withoutSuggestion(result: RangeTestResult, reason: string): RangeTestResult {
  const copy = structuredClone(result);
  for (const run of copy.runs) {
    run.pick = null;
    run.range = null;
    run.reason = reason;
    for (const m of Object.keys(run.suggestions) as (keyof typeof run.suggestions)[]) {
      run.suggestions[m] = null;
    }
  }
  return { ...copy, suggestion: null, range: null, reason };
}
