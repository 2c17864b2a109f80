// The library API: what scripts can import instead of spawning the CLI.

export { runRangeTest, type RangeTestResult, type RunResult } from "./commands/range-test.js";
export { LrFindError, SpecError, type ErrorCode } from "./errors.js";
export { loadSpec, resolveSpec, type ResolvedSpec } from "./spec/load-spec.js";
export { runSweep, type SweepInput } from "./sweep/run-sweep.js";
export type { SweepResult, SweepPoint, StopInfo } from "./sweep/types.js";
export { suggest, type Suggestion, type SuggestOutcome } from "./suggest/suggest.js";
export { main } from "./cli/main.js";
