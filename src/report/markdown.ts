// A range test as GitHub-flavoured Markdown: for a job summary or a PR comment, where the
// terminal report's box tables and ANSI colours do not render.

import type { RangeTestResult, RunResult } from "../commands/range-test.js";
import { RULES } from "../suggest/rules.js";
import type { SuggestMethod } from "../suggest/suggest.js";
import { fmtNum } from "./format.js";
import { runLabels } from "./run-labels.js";

/** The result as Markdown, so CI can show the suggestion where reviewers already look. */
export function renderMarkdown(result: RangeTestResult): string {
  const out = [
    "## lr-find: learning-rate range test",
    "",
    describeSetup(result),
    "",
    verdict(result),
    "",
    runsTable(result),
  ];

  if (result.runs.length === 1) {
    out.push("", methodsTable(result.runs[0], result.spec.suggest.method));
  } else {
    const notes = runNotes(result);
    if (notes.length > 0) out.push("", ...notes);
  }
  if (result.warnings.length > 0) {
    const items = result.warnings.map((w) => `- ${inline(w.message)} (\`${w.code}\`)`);
    out.push("", "### Warnings", "", ...items);
  }
  return `${out.join("\n")}\n`;
}

// data · model · sweep on one line, file name only (runner paths mean nothing to a reader)
function describeSetup(result: RangeTestResult): string {
  const { data, spec, model } = result;
  const s = spec.sweep;
  const file = (data.file.split(/[\\/]/).pop() || data.file).replace(/`/g, "'");
  const dropped = data.rows_dropped > 0 ? ` (${data.rows_dropped} dropped)` : "";
  const task =
    data.task === "classification"
      ? `classification, ${data.classes.length} classes`
      : "regression";
  const accumulated = s.accumulate > 1 ? ` × ${s.accumulate} accumulated` : "";
  const parts = [
    `\`${file}\``,
    `${data.rows} rows${dropped}`,
    task,
    `model ${model.sizes.join("-")} ${inline(model.activation)}`,
    inline(spec.optimizers.map((o) => o.name).join(", ")),
    `lr ${fmtNum(s.start_lr)} → ${fmtNum(s.end_lr)} ${s.mode}`,
    `${s.iterations} iterations`,
    `batch ${s.batch_size}${accumulated}`,
    `seed ${spec.seed}`,
  ];
  return parts.join(" · ");
}

function verdict(result: RangeTestResult): string {
  if (result.suggestion === null) {
    return `**No suggestion:** ${inline(result.reason ?? "no usable points")}`;
  }
  const { lr, method } = result.suggestion;
  const range = result.range
    ? ` · range for cyclic/one-cycle: ${fmtNum(result.range.min)} – ${fmtNum(result.range.max)}`
    : ` · no range could be derived (${inline(result.reason ?? "unknown")})`;
  return `Suggested lr: **${fmtNum(lr)}** (${inline(method)})${range}`;
}

// one row per optimizer; the first run's pick is the result's suggestion, so it is in bold
function runsTable(result: RangeTestResult): string {
  const labels = runLabels(result);
  const rows = result.runs.map((run, i) => {
    const chosen = i === 0 && result.suggestion !== null;
    const lr = run.pick ? fmtNum(run.pick.lr) : "none";
    const range = run.range ? `${fmtNum(run.range.min)} – ${fmtNum(run.range.max)}` : "none";
    const stopped =
      run.stop.reason === "completed"
        ? "completed"
        : `${run.stop.reason} at lr ${fmtNum(run.stop.lr)}`;
    return [
      String(i + 1),
      inline(labels[i]),
      chosen && run.pick ? `**${lr}**` : lr,
      run.pick ? inline(run.pick.method) : "–",
      range,
      fmtNum(minSmoothed(run)),
      stopped,
    ];
  });
  const head = ["#", "optimizer", "suggestion", "method", "range", "min smoothed loss", "stopped"];
  return table(head, ["right", "left", "right", "left", "left", "right", "left"], rows);
}

// every rule's answer for a single run, off both curves as in the terminal table; the one
// the spec chose in bold
function methodsTable(run: RunResult, method: string): string {
  const shown = (m: SuggestMethod) => {
    const s = run.suggestions[m];
    const text = s ? `${fmtNum(s.lr)} @${s.index}` : "none";
    return m === method ? `**${text}** (chosen)` : text;
  };
  const rows = RULES.map((rule) => [rule, shown(rule), shown(`${rule}_ema`)]);
  return table(["rule", "lr (lag-free)", "lr (EMA, fastai)"], ["left", "right", "right"], rows);
}

// why a run of several has no suggestion or no range; a single run says so in the verdict
function runNotes(result: RangeTestResult): string[] {
  const labels = runLabels(result);
  return result.runs.flatMap((run, i) => {
    if (run.reason === null) return [];
    const what = run.pick === null ? "no suggestion" : "no range";
    return [`- ${i + 1} ${inline(labels[i])}: ${what}: ${inline(run.reason)}`];
  });
}

// the lowest smoothed loss among the points the suggestion rules could use
function minSmoothed(run: RunResult): number | null {
  let min: number | null = null;
  for (const p of run.points.slice(0, run.usable)) {
    const v = p.smoothed_loss;
    if (v !== null && Number.isFinite(v) && (min === null || v < min)) min = v;
  }
  return min;
}

function table(head: string[], align: ("left" | "right")[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const rule = `| ${align.map((a) => (a === "right" ? "--:" : "---")).join(" | ")} |`;
  return [line(head), rule, ...rows.map(line)].join("\n");
}

// a pipe would end the cell and a newline the row
function cell(s: string): string {
  return s.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

// text from data or config: entities so it cannot turn into HTML, one line
function inline(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r?\n/g, " ");
}
