// A grid run for people: one row per cell with its suggestion, range and stop.

import Table from "cli-table3";

import type { GridResult } from "../grid/result.js";
import { fmtNum, type Style } from "./format.js";

/** The grid as a table, with a header line naming the shard. */
export function renderGrid(grid: GridResult, style: Style): string {
  // columns only for the axes that vary, so the table fits 80 columns
  const keys = grid.cells.map((c) => c.key);
  const varies = (f: (k: (typeof keys)[number]) => string) => new Set(keys.map(f)).size > 1;
  const axes: [string, (k: (typeof keys)[number]) => string][] = [
    ["optimizer", (k) => k.optimizer],
    ["batch", (k) => String(k.batch_size)],
    ["hidden", (k) => k.hidden.join("-")],
    ["seed", (k) => String(k.seed)],
  ];
  const shown = axes.filter(([name, f]) => name === "optimizer" || varies(f));
  const method = grid.cells.find((c) => c.result.suggestion)?.result.suggestion?.method;
  const table = new Table({
    head: ["cell", ...shown.map(([name]) => name), method ?? "suggestion", "range", "stop"],
    style: { head: style.color ? ["cyan"] : [], border: style.color ? ["grey"] : [] },
  });

  for (const { index, key, result } of grid.cells) {
    const s = result.suggestion;
    const r = result.range;
    table.push([
      String(index),
      ...shown.map(([, f]) => f(key)),
      s ? fmtNum(s.lr) : "none",
      r ? `${fmtNum(r.min)} – ${fmtNum(r.max)}` : "none",
      result.runs[0].stop.reason.replace("_", "-"),
    ]);
  }

  const shard = grid.shard ? `shard ${grid.shard.index}/${grid.shard.count}: ` : "";
  const head = style.bold(
    `lr-find ${grid.version} · grid: ${shard}${grid.cells.length} of ` +
      `${grid.total_cells} cells (spec ${grid.spec_hash})`,
  );
  return [head, "", table.toString()].join("\n");
}
