// The loss-vs-lr chart: asciichart lines over a log10(lr) axis with decade labels.

import asciichart from "asciichart";

import { fmtNum } from "./format.js";

/** One line of the chart: a value per step (null where there is none) and its lr. */
export interface ChartSeries {
  label: string;
  lr: number[];
  values: (number | null)[];
  /** Step index to mark on the x axis (the suggestion), if any. */
  mark?: number | null;
}

export interface ChartOptions {
  width: number; // total columns available, e.g. 80
  height: number; // rows of plot area
  color: boolean;
  logX: boolean;
  /** Extra marks on their own line, e.g. where each rule lands when they disagree. */
  rules?: { char: string; lr: number }[];
}

const COLORS = [
  asciichart.blue,
  asciichart.red,
  asciichart.green,
  asciichart.magenta,
  asciichart.yellow,
  asciichart.cyan,
];
const LABEL_WIDTH = 9;

/**
 * Render smoothed losses against lr. Non-finite values are left out of the y-scaling and
 * each series ends at its last finite point; with several series and no colour, each line
 * ends in its number so they stay distinguishable.
 */
export function renderChart(series: ChartSeries[], options: ChartOptions): string {
  const finite = series.flatMap((s) => s.values.filter((v) => v !== null && Number.isFinite(v)));
  if (finite.length < 2) return "(too few finite points to chart)";

  const xOf = (lr: number) => (options.logX ? Math.log10(lr) : lr);
  const xs = series.flatMap((s) => s.lr.map(xOf));
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const longest = Math.max(...series.map((s) => s.lr.length));
  const cols = Math.max(2, Math.min(options.width - LABEL_WIDTH - 3, longest));
  const colOf = (lr: number) => Math.round(((xOf(lr) - xMin) / (xMax - xMin || 1)) * (cols - 1));

  // a blow-up at the end would flatten everything before it: cap the y axis at 1.5× the
  // highest starting value, which is where a loss curve begins
  const starts = series
    .map((s) => s.values.find((v) => v !== null && Number.isFinite(v)) ?? null)
    .filter((v): v is number => v !== null);
  const cap = 1.5 * Math.max(...starts);
  let clipped = false;
  const lines = series.map((s) =>
    resample(s, cols, colOf).map((v) => {
      if (v <= cap || !(cap > 0)) return v;
      clipped = true;
      return cap;
    }),
  );
  const values = lines.flat();
  const min = Math.min(...values);
  const max = Math.max(...values);
  const plotted = lines.filter((l) => l.length > 0);
  const chart = asciichart.plot(plotted, {
    height: options.height,
    min,
    max,
    colors: options.color ? COLORS : undefined,
    format: (v: number) => fmtNum(v).padStart(LABEL_WIDTH),
  });

  const rows = chart.split("\n");
  const axis = rows[0].replace(/\u001b\[[0-9;]*m/g, "").search(/[┤┼]/);
  if (!options.color && series.length > 1)
    numberLineEnds(rows, lines, min, max, options.height, axis);

  const out = [...rows, xAxis(axis, cols, xMin, xMax, options.logX)];
  if (clipped) out.push(`${" ".repeat(axis + 1)}(values above ${fmtNum(cap)} drawn at the top)`);
  const marks = series.map((s) => (s.mark === null || s.mark === undefined ? null : s.lr[s.mark]));
  if (marks.some((m) => m !== null)) {
    out.push(
      markLine(
        axis,
        marks.map((lr) => (lr === null ? null : colOf(lr))),
      ),
    );
  }
  if (options.rules?.length)
    out.push(
      rulesLine(
        axis,
        options.rules.map((r) => ({ ...r, col: colOf(r.lr) })),
      ),
    );
  return out.join("\n");
}

// one value per column: the last finite value whose lr falls in that column; the line ends at
// the first missing value
function resample(s: ChartSeries, cols: number, colOf: (lr: number) => number): number[] {
  const line: number[] = [];
  for (let i = 0; i < s.values.length; i++) {
    const v = s.values[i];
    if (v === null || !Number.isFinite(v)) break;
    const c = colOf(s.lr[i]);
    while (line.length <= c) line.push(v);
    line[c] = v;
  }
  return line.slice(0, cols);
}

function xAxis(axis: number, cols: number, xMin: number, xMax: number, logX: boolean): string {
  const chars = new Array<string>(axis + 1 + cols + 8).fill(" ");
  const put = (col: number, text: string) => {
    const at = Math.max(0, axis + 1 + col - Math.floor(text.length / 2));
    if (chars.slice(Math.max(0, at - 1), at + text.length + 1).some((c) => c !== " ")) return;
    for (let i = 0; i < text.length; i++) chars[at + i] = text[i];
  };

  const ticks = logX ? decadeTicks(xMin, xMax) : linearTicks(xMin, xMax);
  for (const t of ticks)
    put(Math.round(((t - xMin) / (xMax - xMin || 1)) * (cols - 1)), label(t, logX));
  return chars.join("").trimEnd();
}

function decadeTicks(a: number, b: number): number[] {
  const ticks: number[] = [];
  for (let d = Math.ceil(a - 1e-9); d <= Math.floor(b + 1e-9); d++) ticks.push(d);
  return ticks;
}

function linearTicks(a: number, b: number): number[] {
  return [0, 0.25, 0.5, 0.75, 1].map((f) => a + f * (b - a));
}

function label(t: number, logX: boolean): string {
  if (!logX) return fmtNum(t);
  const d = Math.round(t);
  return d === 0 ? "1" : `1e${d}`;
}

function markLine(axis: number, cols: (number | null)[]): string {
  const chars = new Array<string>(axis + 2 + Math.max(...cols.map((c) => c ?? 0))).fill(" ");
  const tag = cols.length > 1 ? "picks" : "pick";
  for (let i = 0; i < tag.length && i < axis - 1; i++) chars[axis - 1 - tag.length + i] = tag[i];
  cols.forEach((c, i) => {
    if (c !== null) chars[axis + 1 + c] = cols.length > 1 ? String(i + 1) : "▲";
  });
  return chars.join("").trimEnd();
}

function rulesLine(axis: number, rules: { char: string; col: number }[]): string {
  const chars = new Array<string>(axis + 2 + Math.max(...rules.map((r) => r.col))).fill(" ");
  const tag = "rules";
  for (let i = 0; i < tag.length && i < axis - 1; i++) chars[axis - 1 - tag.length + i] = tag[i];
  for (const r of rules) {
    const at = axis + 1 + r.col;
    chars[at] = chars[at] === " " ? r.char : "*";
  }
  return chars.join("").trimEnd();
}

// replicate asciichart's row rounding to put the series number where each line ends
function numberLineEnds(
  rows: string[],
  lines: number[][],
  min: number,
  max: number,
  height: number,
  axis: number,
): void {
  const range = Math.abs(max - min);
  const ratio = range !== 0 ? height / range : 1;
  const min2 = Math.round(min * ratio);
  const nRows = Math.abs(Math.round(max * ratio) - min2);

  lines.forEach((line, i) => {
    if (line.length === 0) return;
    const y = Math.round(line[line.length - 1] * ratio) - min2;
    const r = nRows - y;
    const col = axis + line.length;
    const chars = [...rows[r]];
    if (col < chars.length) chars[col] = String(i + 1);
    rows[r] = chars.join("");
  });
}
