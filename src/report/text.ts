// The human-readable report of a range test: header, chart, table, stop and suggestion.

import { relative } from "node:path";

import type { RangeTestResult, RunResult } from "../commands/range-test.js";
import { renderChart, type ChartSeries } from "./chart.js";
import { runLabels } from "./run-labels.js";
import { fmtNum, type Style } from "./format.js";
import { comparisonTable, pointsTable, repeatsTable, suggestionTable } from "./table.js";

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
  const { series, caption } = chartSeries(result);
  const rules = ruleMarks(result);
  const chart = renderChart(series, {
    width: options.width,
    height: 12,
    color: style.color,
    logX: result.spec.sweep.mode === "exponential",
    rules,
  });
  const xName = result.spec.sweep.mode === "exponential" ? "lr (log scale)" : "lr";
  out.push(style.dim(`${caption} vs ${xName}`), chart);
  if (rules.length) {
    out.push(style.dim("rules disagree: V valley, S steep, M minimum, G steepest (* = several)"));
  }
  if (series.length > 1)
    out.push(style.dim(`lines: ${series.map((s, i) => `${i + 1} ${s.label}`).join("   ")}`));
  out.push("");

  const first = result.runs.filter((r) => r.repeat === 0);
  if (result.repeats) out.push(repeatsTable(result.repeats, result.spec.suggest.method, style));
  else if (first.length > 1) out.push(comparisonTable(first, runLabels(result), style));
  else out.push(suggestionTable(first[0], result.spec.suggest.method, style));
  if (options.points) for (const run of result.runs) out.push(pointsTable(run, style));
  out.push("");

  // several runs: the table's last column says where each stopped
  if (first.length === 1) out.push(`${style.bold("stop")}      ${first[0].stop.message}`);
  if (result.repeats)
    out.push(style.dim("spread: log10(max/min) of the seeds' picks; IQR in decades"));
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
    spec.optimizers.map(describeOptimizer).join(", "),
    `lr ${fmtNum(s.start_lr)} → ${fmtNum(s.end_lr)} ${s.mode}`,
    `${s.iterations} steps over ${run.batches_per_epoch} ` +
      `${run.batches_per_epoch === 1 ? "batch" : "batches"}/epoch ` +
      `(≈${fmtNum(run.epochs)} epochs)`,
    `batch ${s.batch_size}${s.accumulate > 1 ? ` × ${s.accumulate} accumulated` : ""}`,
    `seed ${spec.seed}`,
  ];

  return [
    style.bold(`lr-find ${result.version} · learning-rate range test`),
    ...field("data", dataParts, ", ", width, style),
    ...field(
      "model",
      [`${model.sizes.join("-")} ${model.activation}`, lossNote, `${model.parameters} parameters`],
      ", ",
      width,
      style,
    ),
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

// name plus what changes the effective rate: per-layer multipliers and clipping
function describeOptimizer(o: RangeTestResult["spec"]["optimizers"][number]): string {
  const extras = [
    ...(o.layer_lr ? [`layer lr ×[${o.layer_lr.join(", ")}]`] : []),
    ...(o.clip_norm !== undefined ? [`clip_norm ${o.clip_norm}`] : []),
    ...(o.clip_value !== undefined ? [`clip_value ${o.clip_value}`] : []),
  ];
  return extras.length ? `${o.name} (${extras.join(", ")})` : o.name;
}

function listClasses(classes: string[]): string {
  const shown = classes.slice(0, 6).join(", ");
  return classes.length > 6 ? `${shown}, …` : shown;
}

// the curve the suggestions read: lag-free by default, the causal EMA for *_ema methods;
// with repeats, the median over seeds and (for one optimizer) its min–max band
function chartSeries(result: RangeTestResult): { series: ChartSeries[]; caption: string } {
  const ema = result.spec.suggest.method.endsWith("_ema");
  const curveOf = (run: RunResult) =>
    run.points.map((p) => (ema ? p.smoothed_loss : (p.lagfree_loss ?? null)));
  const caption = ema ? "smoothed loss (causal EMA)" : "smoothed loss (lag-free)";

  if (result.repeats) {
    const bands = result.repeats;
    const series: ChartSeries[] = bands.map((b) => ({
      label: `${b.optimizer} median`,
      lr: b.band.lr,
      values: b.band.median,
      mark: markOf(b.band.lr, b.suggestion?.lr),
    }));
    if (bands.length === 1) {
      const b = bands[0].band;
      series.push(
        { label: "min", lr: b.lr, values: b.min },
        { label: "max", lr: b.lr, values: b.max },
      );
    }
    return { series, caption: `${caption}, median and band over ${bands[0].seeds.length} seeds` };
  }

  const runs = result.runs.filter((r) => r.repeat === 0);
  const labels = runLabels(result);
  const series = runs.map((run, i) => ({
    label: labels[i],
    lr: run.points.map((p) => p.lr),
    values: curveOf(run),
    mark: run.pick?.index ?? null,
  }));
  return { series, caption };
}

// where each rule lands, shown when they disagree by more than a decade (one run only)
function ruleMarks(result: RangeTestResult): { char: string; lr: number }[] {
  const runs = result.runs.filter((r) => r.repeat === 0);
  if (runs.length !== 1 || result.repeats) return [];
  const run = runs[0];
  if (!run.warnings.some((w) => w.code === "methods_disagree")) return [];
  const ema = result.spec.suggest.method.endsWith("_ema");
  const chars: [string, string][] = [
    ["valley", "V"],
    ["steep", "S"],
    ["minimum", "M"],
    ["steepest", "G"],
  ];
  return chars.flatMap(([rule, char]) => {
    const s = run.suggestions[(ema ? `${rule}_ema` : rule) as keyof typeof run.suggestions];
    return s ? [{ char, lr: s.lr }] : [];
  });
}

// the step whose lr is closest (in log space) to `lr`
function markOf(lrs: number[], lr: number | undefined): number | null {
  if (lr === undefined) return null;
  let best = 0;
  for (let i = 1; i < lrs.length; i++) {
    if (Math.abs(Math.log(lrs[i] / lr)) < Math.abs(Math.log(lrs[best] / lr))) best = i;
  }
  return best;
}

function summary(result: RangeTestResult, style: Style): string {
  if (result.suggestion === null) {
    return `${style.warn("no suggestion")}: ${result.reason ?? "no usable points"}`;
  }
  const range = result.range
    ? `; range for cyclic/one-cycle: ${fmtNum(result.range.min)} – ${fmtNum(result.range.max)}`
    : `; no range could be derived (${result.reason ?? "unknown"})`;
  return (
    `${style.bold("suggested")} lr ${style.accent(fmtNum(result.suggestion.lr))} ` +
    `(${result.suggestion.method})${range}`
  );
}
