// The loss curves as a standalone SVG file, for CI artifacts and PR comments. Pure: the
// document is built as a string from the result, so the same result gives the same bytes.

import type { RangeTestResult } from "../commands/range-test.js";
import type { SweepPoint } from "../sweep/types.js";
import { runLabels } from "./run-labels.js";
import { fmtNum } from "./format.js";

export interface SvgOptions {
  /** Pixels; at least 360 × 240 so the legend and labels fit. Default 720 × 420. */
  width?: number;
  height?: number;
}

// Okabe–Ito colours (readable with colour-blindness), and a dash per run for greyscale print
const COLORS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"];
const DASHES = ["", "8 4", "2 3", "10 3 2 3", "4 4", "1 4", "10 3 2 3 2 3"];
const MARGIN = { top: 32, right: 176, bottom: 60, left: 60 };
// the y axis stops at the highest loss of the first 10% of points × 1.5 (divergence is clipped)
const HEAD_FRACTION = 0.1;
const CLIP_FACTOR = 1.5;
const CLIP_ID = "lr-find-plot";
const HALO = { stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke" };

interface Tick {
  at: number;
  label: string;
}

// `lo`, `hi` and tick positions are in axis units: log10(lr) on a log axis, else the value
interface Axis {
  lo: number;
  hi: number;
  ticks: Tick[];
}

interface Frame {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Axis units → pixels. */
  xt(t: number): number;
  /** Learning rate → pixels (NaN when the lr cannot sit on the axis). */
  x(lr: number): number;
  y(loss: number): number;
}

type Attrs = Record<string, string | number | undefined>;

/** Loss against lr as an SVG document, so a CI run can keep or post the curve as a picture. */
export function renderSvg(result: RangeTestResult, options: SvgOptions = {}): string {
  const width = Math.max(options.width ?? 720, 360);
  const height = Math.max(options.height ?? 420, 240);
  const logX = result.spec.sweep.mode !== "linear";
  const toX = (lr: number) => (logX ? Math.log10(lr) : lr);
  const xAxis = lrAxis(result, toX, logX);
  const { axis: yAxis, clipped, empty } = lossAxis(result);
  const f = frameOf(width, height, xAxis, yAxis, toX);
  const labels = runLabels(result).map((l, i) => (result.runs.length > 1 ? `${i + 1} ${l}` : l));
  const title = `learning-rate range test · ${baseName(result.data.file)}`;

  let note = "";
  if (empty) note = "no finite losses to plot";
  else if (clipped) {
    note =
      `y axis cut at ${fmtNum(yAxis.hi)} to keep the descent readable; ` +
      "higher losses run off the top";
  }
  const parts = [
    el("title", {}, esc(title)),
    el("rect", { width, height, fill: "#ffffff" }),
    el(
      "defs",
      {},
      el(
        "clipPath",
        { id: CLIP_ID },
        el("rect", {
          x: f.left,
          y: f.top,
          width: f.right - f.left,
          height: f.bottom - f.top,
        }),
      ),
    ),
    grid(f, xAxis, yAxis),
    rangeBand(result, f),
    curves(result, f),
    suggestionMarks(result, f),
    stopMarks(result, f, labels),
    axes(f, xAxis, yAxis, result, logX),
    legend(result, f, labels),
    text({ x: f.left, y: 18, "font-size": 13, "font-weight": "bold" }, title),
    note &&
      text({ class: "caption", x: f.left, y: height - 8, "font-size": 10, fill: "#555555" }, note),
  ];
  const root = {
    xmlns: "http://www.w3.org/2000/svg",
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    "font-family": "system-ui, sans-serif",
    "font-size": 11,
  };
  const body = parts.filter((p) => p !== "").join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${el("svg", root, `\n${body}\n`)}\n`;
}

function lrAxis(result: RangeTestResult, toX: (lr: number) => number, logX: boolean): Axis {
  const xs = result.runs.flatMap((r) => r.points.map((p) => toX(p.lr)));
  let [lo, hi] = extent(xs);
  if (lo > hi) [lo, hi] = [toX(result.spec.sweep.start_lr), toX(result.spec.sweep.end_lr)];
  if (!(hi > lo)) [lo, hi] = [lo - (logX ? 0.5 : Math.abs(lo) / 2 || 1), hi + (logX ? 0.5 : 1)];

  if (!logX) return { lo, hi, ticks: niceTicks(lo, hi).map((v) => ({ at: v, label: fmtNum(v) })) };
  return { lo, hi, ticks: decadeTicks(lo, hi) };
}

// 1e-5, 1e-4, ... (every other decade past 9 of them); 1-2-5 steps inside a single decade
function decadeTicks(lo: number, hi: number): Tick[] {
  const first = Math.ceil(lo - 1e-9);
  const last = Math.floor(hi + 1e-9);
  if (last > first) {
    const stride = Math.ceil((last - first + 1) / 9);
    const ticks: Tick[] = [];
    for (let k = first; k <= last; k++) {
      if (k % stride === 0) ticks.push({ at: k, label: `1e${k}` });
    }
    return ticks;
  }

  const ticks: Tick[] = [];
  for (let k = Math.floor(lo); k <= Math.ceil(hi); k++) {
    for (const m of [1, 2, 5]) {
      const at = k + Math.log10(m);
      if (at >= lo - 1e-9 && at <= hi + 1e-9) ticks.push({ at, label: fmtNum(m * 10 ** k) });
    }
  }
  if (ticks.length >= 2) return ticks;
  return niceTicks(10 ** lo, 10 ** hi).map((v) => ({ at: Math.log10(v), label: fmtNum(v) }));
}

// y from the lowest finite loss to a robust top, so one spike does not flatten the curve
function lossAxis(result: RangeTestResult): { axis: Axis; clipped: boolean; empty: boolean } {
  const all: number[] = [];
  const head: number[] = [];
  for (const run of result.runs) {
    const headLength = Math.max(1, Math.ceil(run.points.length * HEAD_FRACTION));
    run.points.forEach((p, i) => {
      for (const v of [p.loss, p.smoothed_loss]) {
        if (v === null || !Number.isFinite(v)) continue;
        all.push(v);
        if (i < headLength) head.push(v);
      }
    });
  }

  const [min, max] = extent(all);
  if (min > max) return { axis: niceRange(0, 1), clipped: false, empty: true };
  const robust = extent(head)[1] * CLIP_FACTOR;
  const axis = niceRange(min, robust > min && robust < max ? robust : max);
  return { axis, clipped: max > axis.hi, empty: false };
}

function niceRange(lo: number, hi: number): Axis {
  if (!(hi > lo)) [lo, hi] = [lo - (Math.abs(lo) / 10 || 1), hi + (Math.abs(hi) / 10 || 1)];
  const step = niceStep((hi - lo) / 5);
  const first = Math.floor(lo / step);
  const last = Math.ceil(hi / step);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const label = (v: number) => (step >= 1e4 || decimals > 4 ? fmtNum(v) : v.toFixed(decimals));
  const ticks: Tick[] = [];
  for (let k = first; k <= last; k++) ticks.push({ at: k * step, label: label(k * step) });
  return { lo: first * step, hi: last * step, ticks };
}

function niceTicks(lo: number, hi: number): number[] {
  const step = niceStep((hi - lo) / 5);
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step); k <= Math.floor(hi / step); k++) ticks.push(k * step);
  return ticks;
}

// the smallest of 1, 2, 5 × 10^k that is at least `raw`
function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

function frameOf(
  width: number,
  height: number,
  xa: Axis,
  ya: Axis,
  toX: (lr: number) => number,
): Frame {
  const left = MARGIN.left;
  const top = MARGIN.top;
  const right = width - MARGIN.right;
  const bottom = height - MARGIN.bottom;
  const xt = (t: number) => left + ((t - xa.lo) / (xa.hi - xa.lo)) * (right - left);
  return {
    left,
    top,
    right,
    bottom,
    xt,
    x: (lr) => xt(toX(lr)),
    y: (v) => bottom - ((v - ya.lo) / (ya.hi - ya.lo)) * (bottom - top),
  };
}

function grid(f: Frame, xa: Axis, ya: Axis): string {
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    el("line", { x1, y1, x2, y2, stroke: "#e6e6e6" });
  const xs = xa.ticks.map((t) => line(f.xt(t.at), f.top, f.xt(t.at), f.bottom));
  const ys = ya.ticks.map((t) => line(f.left, f.y(t.at), f.right, f.y(t.at)));
  return el("g", { class: "grid" }, [...xs, ...ys].join(""));
}

// the first run's (min, max) range for cyclic schedules, as a band behind the curves
function rangeBand(result: RangeTestResult, f: Frame): string {
  const r = result.range;
  if (r === null) return "";
  const x1 = clamp(f.x(r.min), f.left, f.right);
  const x2 = clamp(f.x(r.max), f.left, f.right);
  if (!(x2 > x1)) return "";

  const tip = `range ${fmtNum(r.min)} – ${fmtNum(r.max)} (${r.rule})`;
  return el(
    "rect",
    {
      class: "range",
      x: x1,
      y: f.top,
      width: x2 - x1,
      height: f.bottom - f.top,
      fill: COLORS[0],
      "fill-opacity": "0.12",
    },
    el("title", {}, esc(tip)),
  );
}

function curves(result: RangeTestResult, f: Frame): string {
  const raw = result.runs.map((run, i) =>
    el("path", {
      class: "loss-raw",
      "data-run": i + 1,
      d: pathData(run.points, (p) => p.loss, f),
      fill: "none",
      stroke: color(i),
      "stroke-opacity": "0.3",
      "stroke-width": 1,
    }),
  );
  // the curve the suggestions read: lag-free by default, the causal EMA for *_ema rules
  const ema = result.spec.suggest.method.endsWith("_ema");
  const curve = (p: SweepPoint) => (ema ? p.smoothed_loss : (p.lagfree_loss ?? null));
  const smoothed = result.runs.map((run, i) =>
    el("path", {
      class: "loss-smoothed",
      "data-run": i + 1,
      d: pathData(run.points, curve, f),
      fill: "none",
      stroke: color(i),
      "stroke-width": 2,
      "stroke-dasharray": dash(i),
      "stroke-linejoin": "round",
    }),
  );
  return el("g", { "clip-path": `url(#${CLIP_ID})` }, [...raw, ...smoothed].join("\n"));
}

// a gap (new subpath) wherever a loss is not finite
function pathData(points: SweepPoint[], value: (p: SweepPoint) => number | null, f: Frame) {
  const parts: string[] = [];
  let pen = false;
  for (const p of points) {
    const v = value(p);
    const x = f.x(p.lr);
    if (v === null || !Number.isFinite(v) || !Number.isFinite(x)) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? "L" : "M"}${num(x)} ${num(f.y(v))}`);
    pen = true;
  }
  return parts.join(" ");
}

function suggestionMarks(result: RangeTestResult, f: Frame): string {
  const multi = result.runs.length > 1;
  return result.runs
    .map((run, i) => {
      const x = run.pick === null ? NaN : f.x(run.pick.lr);
      if (run.pick === null || !(x >= f.left && x <= f.right)) return "";

      const label = `${multi ? `${i + 1}: ` : ""}${run.pick.method} ${fmtNum(run.pick.lr)}`;
      const flip = x > (f.left + f.right) / 2;
      return el(
        "g",
        { class: "suggestion", "data-run": i + 1 },
        el("line", {
          x1: x,
          y1: f.top,
          x2: x,
          y2: f.bottom,
          stroke: color(i),
          "stroke-dasharray": "4 3",
        }) +
          text(
            {
              x: flip ? x - 4 : x + 4,
              y: f.top + 12 + i * 13,
              "text-anchor": flip ? "end" : "start",
              fill: color(i),
              ...HALO,
            },
            label,
          ),
      );
    })
    .join("");
}

// a cross where a sweep stopped early, on its smoothed curve (or the top edge when clipped)
function stopMarks(result: RangeTestResult, f: Frame, labels: string[]): string {
  return result.runs
    .map((run, i) => {
      const x = f.x(run.stop.lr);
      if (run.stop.reason === "completed" || !(x >= f.left && x <= f.right)) return "";

      const v = run.points.find((p) => p.step === run.stop.step)?.smoothed_loss ?? run.stop.loss;
      const y = v !== null && Number.isFinite(v) ? clamp(f.y(v), f.top, f.bottom) : f.top;
      const d =
        `M${num(x - 4)} ${num(y - 4)}L${num(x + 4)} ${num(y + 4)}` +
        `M${num(x - 4)} ${num(y + 4)}L${num(x + 4)} ${num(y - 4)}`;
      return el(
        "g",
        { class: "stop", "data-run": i + 1 },
        el("title", {}, esc(`${labels[i]}: ${run.stop.message}`)) +
          el("path", { d, stroke: color(i), "stroke-width": 2 }),
      );
    })
    .join("");
}

function axes(f: Frame, xa: Axis, ya: Axis, result: RangeTestResult, logX: boolean): string {
  const out = [
    el("rect", {
      x: f.left,
      y: f.top,
      width: f.right - f.left,
      height: f.bottom - f.top,
      fill: "none",
      stroke: "#333333",
    }),
  ];
  for (const t of xa.ticks) {
    const x = f.xt(t.at);
    out.push(
      el("line", { x1: x, y1: f.bottom, x2: x, y2: f.bottom + 4, stroke: "#333333" }),
      text({ x, y: f.bottom + 16, "text-anchor": "middle" }, t.label),
    );
  }
  for (const t of ya.ticks) {
    const y = f.y(t.at);
    out.push(
      el("line", { x1: f.left - 4, y1: y, x2: f.left, y2: y, stroke: "#333333" }),
      text({ x: f.left - 6, y: y + 4, "text-anchor": "end" }, t.label),
    );
  }

  const loss = result.model.loss === "mse" ? "MSE, standardized target" : "cross-entropy";
  const middle = (f.top + f.bottom) / 2;
  out.push(
    text(
      { x: (f.left + f.right) / 2, y: f.bottom + 34, "text-anchor": "middle" },
      logX ? "learning rate (log scale)" : "learning rate",
    ),
    text(
      { x: 14, y: middle, "text-anchor": "middle", transform: `rotate(-90 14 ${num(middle)})` },
      `loss (${loss})`,
    ),
  );
  return el("g", { class: "axes" }, out.join(""));
}

function legend(result: RangeTestResult, f: Frame, labels: string[]): string {
  const x = f.right + 14;
  const swatch = (y: number, attrs: Attrs) =>
    el("line", { x1: x, y1: y, x2: x + 24, y2: y, "stroke-width": 2, ...attrs });
  const rows: [(y: number) => string, string][] = labels.map((label, i) => [
    (y) => swatch(y, { stroke: color(i), "stroke-dasharray": dash(i) }),
    label,
  ]);
  rows.push([
    (y) => swatch(y, { stroke: "#000000", "stroke-opacity": "0.3", "stroke-width": 1 }),
    "raw loss (faint)",
  ]);
  if (result.runs.some((r) => r.pick !== null)) {
    rows.push([
      (y) => swatch(y, { stroke: "#333333", "stroke-dasharray": "4 3", "stroke-width": 1 }),
      "suggestion",
    ]);
  }
  if (result.range !== null) {
    rows.push([
      (y) =>
        el("rect", { x, y: y - 5, width: 24, height: 10, fill: COLORS[0], "fill-opacity": "0.12" }),
      result.runs.length > 1 ? "range (run 1)" : "range",
    ]);
  }
  if (result.runs.some((r) => r.stop.reason !== "completed")) {
    rows.push([(y) => text({ x: x + 12, y: y + 4, "text-anchor": "middle" }, "×"), "stopped"]);
  }

  const items = rows.map(([draw, label], k) => {
    const y = f.top + 8 + k * 18;
    return draw(y) + text({ x: x + 30, y: y + 4 }, label);
  });
  return el("g", { class: "legend" }, items.join(""));
}

function el(name: string, attrs: Attrs, body?: string): string {
  const list = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => ` ${k}="${typeof v === "number" ? num(v) : esc(String(v))}"`)
    .join("");
  return body === undefined ? `<${name}${list}/>` : `<${name}${list}>${body}</${name}>`;
}

function text(attrs: Attrs, content: string): string {
  return el("text", attrs, esc(content));
}

/** XML entities for text and attribute values. */
function esc(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

// one decimal, never exponent notation; far-off coordinates are pulled in (they are clipped)
function num(v: number): string {
  if (!Number.isFinite(v)) return "0";
  return String(Number(clamp(v, -1e5, 1e5).toFixed(1)));
}

function extent(values: number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

const color = (i: number) => COLORS[i % COLORS.length];
const dash = (i: number) => DASHES[i % DASHES.length];
const baseName = (file: string) => file.split(/[\\/]/).pop() || file;
