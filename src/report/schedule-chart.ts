// The schedule preview: lr (and momentum, where it cycles) per step as asciichart lines.

import asciichart from "asciichart";

import { fmtNum } from "./format.js";

const LABEL_WIDTH = 10;

/** Plot one per-step series, resampled to fit `width` columns; x axis labelled in steps. */
export function renderSeries(title: string, values: ArrayLike<number>, width: number, height = 10) {
  const n = values.length;
  const cols = Math.max(2, Math.min(width - LABEL_WIDTH - 3, n));
  const line = Array.from(
    { length: cols },
    (_, c) => values[Math.round((c * (n - 1)) / (cols - 1))],
  );
  const chart = asciichart.plot(line, {
    height,
    format: (v: number) => fmtNum(v).padStart(LABEL_WIDTH),
  });

  const axis = chart.split("\n")[0].search(/[┤┼]/);
  const ticks = [0, Math.round((n - 1) / 2), n - 1];
  const chars = new Array<string>(axis + cols + 8).fill(" ");
  for (const t of ticks) {
    const text = String(t);
    const col = axis + 1 + Math.round((t / Math.max(1, n - 1)) * (cols - 1));
    const at = Math.min(col - Math.floor(text.length / 2), axis + cols - text.length + 1);
    for (let i = 0; i < text.length; i++) chars[at + i] = text[i];
  }
  const xLabel = `${" ".repeat(Math.max(0, axis - 5))}step ${chars.slice(axis).join("")}`.trimEnd();
  return [title, chart, xLabel].join("\n");
}
