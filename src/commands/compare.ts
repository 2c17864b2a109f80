// Compare a result with a baseline: how far each suggestion moved and how the curve changed.

import { LrFindError } from "../errors.js";
import { SUGGEST_METHODS, type SuggestMethod } from "../suggest/suggest.js";
import { readJsonFile } from "./read-json.js";
import { rangeTestResultSchema, type RangeTestResult, type RunResult } from "./result-schema.js";

/** Default allowed move of the suggestion, in decades. */
export const DEFAULT_TOLERANCE = 0.5;

export interface Moved {
  baseline: number | null;
  current: number | null;
  /** log10(current / baseline); null when either side has no value. */
  delta_decades: number | null;
}

export interface RunComparison {
  optimizer: string;
  repeat: number;
  suggestions: Record<SuggestMethod, Moved>;
  /** Largest |Δ lag-free loss| over the lr range both curves cover, and that range. */
  curve: { max_abs_delta: number | null; lr_from: number | null; lr_to: number | null };
}

export interface Comparison {
  same_spec: boolean;
  suggestion: Moved;
  runs: RunComparison[];
}

/** Read and validate a saved result; a wrong or foreign file is a clear error. */
export function readResult(path: string): RangeTestResult {
  const { file, value: raw } = readJsonFile(
    path,
    "result.invalid",
    "pass a file written by lr-find --json or --out result.json",
  );
  const parsed = rangeTestResultSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LrFindError(
      "result.invalid",
      `${file}: not an lr-find result (${issue.path.join(".") || "top level"}: ${issue.message})`,
      { file },
      "pass a file written by lr-find --json or --out result.json",
    );
  }
  return parsed.data;
}

/** Suggestion moves per run and rule, and the largest change of the curve. */
export function compareResults(baseline: RangeTestResult, current: RangeTestResult): Comparison {
  const runs = current.runs.flatMap((run) => {
    const base = baseline.runs.find(
      (b) => b.optimizer === run.optimizer && b.repeat === run.repeat,
    );
    return base ? [compareRuns(base, run)] : [];
  });
  return {
    same_spec: baseline.spec_hash === current.spec_hash,
    suggestion: moved(baseline.suggestion?.lr ?? null, current.suggestion?.lr ?? null),
    runs,
  };
}

/** One line per failure: the suggestion moved beyond `tolerance` decades, or disappeared. */
export function baselineFailures(diff: Comparison, tolerance: number): string[] {
  const s = diff.suggestion;
  if (s.baseline !== null && s.current === null) {
    return ["the baseline had a suggestion, the current run has none"];
  }
  if (s.delta_decades !== null && Math.abs(s.delta_decades) > tolerance) {
    return [
      `the suggestion moved ${s.delta_decades.toFixed(2)} decades (baseline ` +
        `${fmt(s.baseline)}, now ${fmt(s.current)}), more than the tolerance ${tolerance}`,
    ];
  }
  return [];
}

function compareRuns(base: RunResult, run: RunResult): RunComparison {
  const suggestions = Object.fromEntries(
    SUGGEST_METHODS.map((m) => [
      m,
      moved(base.suggestions[m]?.lr ?? null, run.suggestions[m]?.lr ?? null),
    ]),
  ) as Record<SuggestMethod, Moved>;
  return {
    optimizer: run.optimizer,
    repeat: run.repeat,
    suggestions,
    curve: curveChange(base, run),
  };
}

function moved(baseline: number | null, current: number | null): Moved {
  const delta = baseline !== null && current !== null ? Math.log10(current / baseline) : null;
  return { baseline, current, delta_decades: delta };
}

// compare lag-free curves at the current run's lrs, interpolating the baseline in log lr
function curveChange(base: RunResult, run: RunResult): RunComparison["curve"] {
  const b = base.points.filter((p) => p.lagfree_loss !== null && p.lagfree_loss !== undefined);
  const c = run.points.filter((p) => p.lagfree_loss !== null && p.lagfree_loss !== undefined);
  if (b.length < 2 || c.length === 0) return { max_abs_delta: null, lr_from: null, lr_to: null };

  const from = Math.max(b[0].lr, c[0].lr);
  const to = Math.min(b[b.length - 1].lr, c[c.length - 1].lr);
  let worst: number | null = null;
  let k = 0;
  for (const p of c) {
    if (p.lr < from || p.lr > to) continue;
    while (k + 2 < b.length && b[k + 1].lr < p.lr) k++;
    const x0 = Math.log(b[k].lr);
    const x1 = Math.log(b[k + 1].lr);
    const t = x1 === x0 ? 0 : Math.min(1, Math.max(0, (Math.log(p.lr) - x0) / (x1 - x0)));
    const at = (b[k].lagfree_loss as number) * (1 - t) + (b[k + 1].lagfree_loss as number) * t;
    const d = Math.abs((p.lagfree_loss as number) - at);
    worst = worst === null ? d : Math.max(worst, d);
  }
  return {
    max_abs_delta: worst,
    lr_from: worst === null ? null : from,
    lr_to: worst === null ? null : to,
  };
}

function fmt(v: number | null): string {
  return v === null ? "none" : Number(v.toPrecision(4)).toString();
}
