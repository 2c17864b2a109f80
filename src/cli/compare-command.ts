// `lr-find compare baseline.json current.json`: did the good learning rate move?

import {
  compareResults,
  baselineFailures,
  DEFAULT_TOLERANCE,
  readResult,
} from "../commands/compare.js";
import { createStyle, fmtNum, wrapText } from "../report/format.js";
import { RULES } from "../suggest/rules.js";
import { EXIT } from "./exit.js";
import type { Io } from "./io.js";

export interface CompareFlags {
  tolerance?: number;
  json?: boolean;
}

/** Print how far the suggestions moved; exit 3 beyond the tolerance. */
export function compareCommand(baseline: string, current: string, flags: CompareFlags, io: Io) {
  const diff = compareResults(readResult(baseline), readResult(current));
  const tolerance = flags.tolerance ?? DEFAULT_TOLERANCE;
  const failures = baselineFailures(diff, tolerance);

  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ ...diff, tolerance, failures }, null, 2)}\n`);
  } else {
    const style = createStyle(io.color);
    const dec = (v: number | null) => (v === null ? "–" : `${v >= 0 ? "+" : ""}${v.toFixed(2)}`);
    const lines = [style.bold("lr-find compare: baseline → current")];
    if (!diff.same_spec) lines.push(style.warn("note: the specs differ (spec_hash)"));
    const s = diff.suggestion;
    lines.push(
      `suggestion  ${fmtNum(s.baseline)} → ${fmtNum(s.current)}  ` +
        `(${dec(s.delta_decades)} decades; tolerance ±${tolerance})`,
    );
    for (const run of diff.runs) {
      const moves = RULES.map((r) => `${r} ${dec(run.suggestions[r].delta_decades)}`).join(", ");
      const curve =
        run.curve.max_abs_delta === null
          ? "no common range"
          : `max |Δ loss| ${fmtNum(run.curve.max_abs_delta)} over lr ${fmtNum(run.curve.lr_from)}` +
            `–${fmtNum(run.curve.lr_to)}`;
      const who = `${run.optimizer}${run.repeat > 0 ? ` (repeat ${run.repeat})` : ""}`;
      lines.push(wrapText(`${who}: ${moves}; ${curve}`, io.columns, "    "));
    }
    if (diff.runs.length === 0) {
      lines.push(
        "no run of one appears in the other (the optimizers differ), so only the " +
          "suggestion is compared",
      );
    }
    io.stdout.write(`${lines.join("\n")}\n`);
  }

  for (const f of failures) io.stderr.write(`lr-find: check failed: ${f}\n`);
  return failures.length > 0 ? EXIT.check : EXIT.ok;
}
