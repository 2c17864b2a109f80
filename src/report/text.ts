// The human-readable report of a range test: header, chart, table, stop and suggestion.

import { relative } from "node:path";

import type { RangeTestResult } from "../commands/range-test.js";
import { renderChart } from "./chart.js";
import { fmtNum, type Style } from "./format.js";
import { comparisonTable, pointsTable, suggestionTable } from "./table.js";

export interface TextOptions {
  style: Style;
  width: number;
  /** Also print every recorded point. */
  points: boolean;
}

/** The whole report as one string for stdout. */
export function renderText(result: RangeTestResult, options: TextOptions): string {
  const { style } = options;
  const out: string[] = [];

  out.push(...header(result, style, options.width), "");
  const multi = result.runs.length > 1;
  const chart = renderChart(
    result.runs.map((run) => ({ label: run.optimizer, points: run.points, mark: run.pick?.index })),
    { width: options.width, height: 12, color: style.color, logX: result.spec.sweep.mode === "exponential" },
  );
  const xName = result.spec.sweep.mode === "exponential" ? "lr (log scale)" : "lr";
  out.push(style.dim(`smoothed loss vs ${xName}`), chart);
  if (multi) out.push(legend(result, style));
  out.push("");

  if (multi) out.push(comparisonTable(result.runs, style));
  else out.push(suggestionTable(result.runs[0], result.spec.suggest.method, style));
  if (options.points) for (const run of result.runs) out.push(pointsTable(run, style));
  out.push("");

  for (const [i, run] of result.runs.entries()) {
    const who = multi ? `${i + 1} ${run.optimizer}: ` : "";
    out.push(`${style.bold("stop")}      ${who}${run.stop.message}`);
  }
  out.push(summary(result, style));
  return out.join("\n");
}

function header(result: RangeTestResult, style: Style, width: number): string[] {
  const { data, spec, model } = result;
  const run = result.runs[0];
  const s = spec.sweep;
  const lossNote = data.task === "regression" ? "MSE on the standardized target" : "cross-entropy";
  const dataParts = [
    `${relative(process.cwd(), data.file) || data.file}: ${data.rows_read} rows read`,
    ...(data.rows_dropped > 0 ? [`${data.rows_dropped} dropped`] : []),
    ...(data.validation_rows > 0 ? [`${data.validation_rows} held out for validation`] : []),
    `${data.features} features`,
    data.task,
    ...(data.task === "classification"
      ? [`${data.classes.length} classes: ${listClasses(data.classes)}`]
      : []),
  ];
  const sweepParts = [
    spec.optimizers.map((o) => o.name).join(", "),
    `lr ${fmtNum(s.start_lr)} → ${fmtNum(s.end_lr)} ${s.mode}`,
    `${s.iterations} steps over ${run.batches_per_epoch} batches/epoch ` +
      `(≈${fmtNum(run.epochs)} epochs)`,
    `batch ${s.batch_size}${s.accumulate > 1 ? ` × ${s.accumulate} accumulated` : ""}`,
    `seed ${spec.seed}`,
  ];

  return [
    style.bold(`lr-find ${result.version} · learning-rate range test`),
    ...field("data", dataParts, ", ", width, style),
    ...field("model", [`${model.sizes.join("-")} ${model.activation}`, lossNote,
      `${model.parameters} parameters`], ", ", width, style),
    ...field("sweep", sweepParts, " · ", width, style),
  ];
}

// "name      part, part, part" wrapped at width with the parts' column kept
function field(name: string, parts: string[], sep: string, width: number, style: Style): string[] {
  const indent = " ".repeat(10);
  const lines: string[] = [];
  let line = "";
  for (const part of parts) {
    const next = line === "" ? part : `${line}${sep}${part}`;
    if (line !== "" && indent.length + next.length > width) {
      lines.push(line + sep.trimEnd());
      line = part;
    } else {
      line = next;
    }
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? `${style.bold(name.padEnd(10))}${l}` : `${indent}${l}`));
}

function listClasses(classes: string[]): string {
  const shown = classes.slice(0, 6).join(", ");
  return classes.length > 6 ? `${shown}, …` : shown;
}

function legend(result: RangeTestResult, style: Style): string {
  const names = result.runs.map((r, i) => `${i + 1} ${r.optimizer}`).join("   ");
  return style.dim(`lines: ${names}`);
}

function summary(result: RangeTestResult, style: Style): string {
  if (result.suggestion === null) {
    return `${style.warn("no suggestion")}: ${result.reason ?? "no usable points"}`;
  }
  const range = result.range
    ? `; range for cyclic/one-cycle: ${fmtNum(result.range.min)} – ${fmtNum(result.range.max)}`
    : `; no range could be derived (${result.reason ?? "unknown"})`;
  return `${style.bold("suggested")} lr ${style.accent(fmtNum(result.suggestion.lr))} ` +
    `(${result.suggestion.method})${range}`;
}
