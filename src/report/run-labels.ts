// Names that tell runs apart: "sgd" twice becomes "sgd (momentum 0)" and "sgd (momentum 0.9)".

import type { RangeTestResult } from "../commands/result-schema.js";
import { fmtNum } from "./format.js";

/** One label per run: the optimizer, plus the settings that differ from its namesakes. */
export function runLabels(result: RangeTestResult): string[] {
  const opts = result.spec.optimizers;
  const configs = result.runs.map(
    (run, i) => (opts[i % opts.length] ?? { name: run.optimizer }) as Record<string, unknown>,
  );
  return result.runs.map((run, i) => {
    const twins = configs.filter(
      (t, j) => result.runs[j].optimizer === run.optimizer && t !== configs[i],
    );
    const own = configs[i];
    const differs = Object.keys(own).filter(
      (k) => k !== "name" && twins.some((t) => JSON.stringify(t[k]) !== JSON.stringify(own[k])),
    );
    const detail = differs.map((k) => `${k} ${showValue(own[k])}`).join(", ");
    return detail === "" ? run.optimizer : `${run.optimizer} (${detail})`;
  });
}

function showValue(v: unknown): string {
  if (typeof v === "number") return fmtNum(v);
  if (Array.isArray(v)) return v.map(showValue).join("/");
  return String(v);
}
