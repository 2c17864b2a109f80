// Tables of suggestions (one run) or of runs side by side (several optimizers).

import Table from "cli-table3";

import type { RunResult } from "../commands/range-test.js";
import { RULES } from "../suggest/rules.js";
import type { RepeatSummary } from "../suggest/repeats.js";
import type { SuggestMethod } from "../suggest/suggest.js";
import { fmtNum, type Style } from "./format.js";

const NOTES: Record<string, string> = {
  valley: "halfway down the descent",
  steep: "steepest vs ln(lr)",
  minimum: "loss minimum / 10",
  steepest: "most negative gradient",
};

function makeTable(head: string[], style: Style): Table.Table {
  return new Table({
    head,
    style: { head: style.color ? ["cyan"] : [], border: style.color ? ["grey"] : [] },
    wordWrap: true,
  });
}

/** Every rule's suggestion for one run, the chosen one marked, then the range. */
export function suggestionTable(run: RunResult, method: string, style: Style): string {
  const table = makeTable(["rule", "lr (lag-free)", "lr (fastai EMA)", "how"], style);
  const shown = (m: SuggestMethod) => {
    const s = run.suggestions[m];
    const text = s ? `${fmtNum(s.lr)} @${s.index}` : "none";
    return m === method ? `${text} ◀` : text;
  };

  for (const rule of RULES) {
    table.push([rule, shown(rule), shown(`${rule}_ema`), NOTES[rule]]);
  }
  const range = run.range ? `${fmtNum(run.range.min)} – ${fmtNum(run.range.max)}` : "none";
  table.push(["range", range, "", run.range ? "cyclic / one-cycle" : "none derived"]);
  return table.toString();
}

/** One row per optimizer: suggestion, range, minimum loss, where it diverged. */
export function comparisonTable(runs: RunResult[], labels: string[], style: Style): string {
  const pickHead = runs[0]?.pick?.method ?? "suggestion";
  const table = makeTable(["#", "optimizer", pickHead, "range", "min", "stopped"], style);

  runs.forEach((run, i) => {
    const losses = run.points.slice(0, run.usable).map((p) => p.smoothed_loss ?? Infinity);
    const minLoss = losses.length ? Math.min(...losses) : null;
    const range = run.range ? `${fmtNum(run.range.min)} – ${fmtNum(run.range.max)}` : "none";
    const stopped =
      run.stop.reason === "completed"
        ? "completed"
        : `${run.stop.reason.replace("_", "-")} ${fmtNum(run.stop.lr)}`;
    const pick = run.pick ? fmtNum(run.pick.lr) : "none";
    table.push([String(i + 1), labels[i], pick, range, fmtNum(minLoss), stopped]);
  });
  return table.toString();
}

/** The raw and smoothed values of every recorded step; non-finite values spelled out. */
export function pointsTable(run: RunResult, style: Style): string {
  const table = makeTable(["step", "lr", "loss (raw)", "smoothed"], style);
  for (const p of run.points) {
    const raw = p.loss === null ? "nan/inf" : fmtNum(p.loss);
    table.push([String(p.step), fmtNum(p.lr), raw, fmtNum(p.smoothed_loss)]);
  }
  return table.toString();
}

/** Per optimizer and rule: the median suggestion over seeds and its spread in decades. */
export function repeatsTable(summaries: RepeatSummary[], method: string, style: Style): string {
  const head = ["optimizer", "rule", "median lr", "min – max", "spread", "IQR"];
  const table = makeTable(head, style);
  const dec = (v: number | null) => (v === null ? "–" : v.toFixed(2));

  for (const s of summaries) {
    for (const rule of RULES) {
      const m = s.methods[rule];
      const name = rule === method ? `${rule} ◀` : rule;
      const span = m.min === null ? "–" : `${fmtNum(m.min)} – ${fmtNum(m.max)}`;
      table.push([
        s.optimizer,
        name,
        fmtNum(m.median),
        span,
        dec(m.spread_decades),
        dec(m.iqr_decades),
      ]);
    }
    const range = s.range ? `${fmtNum(s.range.min)} – ${fmtNum(s.range.max)}` : "none";
    table.push([s.optimizer, "range", range, "", "", ""]);
  }
  return table.toString();
}
