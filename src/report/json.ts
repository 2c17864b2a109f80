// Machine-readable results: JSON for scripts and CI, CSV with one row per recorded point.

import type { RangeTestResult } from "../commands/range-test.js";

/**
 * The result as JSON text. JSON has no NaN or Infinity, so any non-finite number becomes
 * null (points already carry null for a non-finite loss); the output is always valid JSON.
 */
export function toJson(result: RangeTestResult): string {
  return JSON.stringify(
    result,
    (_key, value: unknown) => {
      if (typeof value === "number" && !Number.isFinite(value)) return null;
      return value;
    },
    2,
  );
}

/** One row per recorded point of every run; empty cells for non-finite values. */
export function toCsv(result: RangeTestResult): string {
  const hasVal = result.runs.some((r) => r.points.some((p) => p.val_loss !== undefined));
  const head = ["run", "optimizer", "seed", "step", "lr", "loss", "smoothed_loss"];
  if (hasVal) head.push("val_loss");
  const lines = [head.join(",")];
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));

  result.runs.forEach((run, r) => {
    for (const p of run.points) {
      const row = [
        String(r),
        run.optimizer,
        String(run.seed),
        String(p.step),
        cell(p.lr),
        cell(p.loss),
        cell(p.smoothed_loss),
      ];
      if (hasVal) row.push(cell(p.val_loss));
      lines.push(row.join(","));
    }
  });
  return `${lines.join("\n")}\n`;
}
