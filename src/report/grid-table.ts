// A grid run for people: one row per cell with its suggestion, range and stop.

import Table from "cli-table3";

import type { GridResult } from "../grid/result.js";
import { fmtNum, type Style } from "./format.js";

/** The grid as a table, with a header line naming the shard. */
export function renderGrid(grid: GridResult, style: Style): string {
  const table = new Table({
    head: ["cell", "optimizer", "batch", "hidden", "seed", "suggestion", "range", "stop"],
    style: { head: style.color ? ["cyan"] : [], border: style.color ? ["grey"] : [] },
  });

  for (const { index, key, result } of grid.cells) {
    const s = result.suggestion;
    const r = result.range;
    table.push([
      String(index),
      key.optimizer,
      String(key.batch_size),
      key.hidden.join("-"),
      String(key.seed),
      s ? `${fmtNum(s.lr)} (${s.method})` : "none",
      r ? `${fmtNum(r.min)} – ${fmtNum(r.max)}` : "none",
      result.runs[0].stop.reason,
    ]);
  }

  const shard = grid.shard ? `shard ${grid.shard.index}/${grid.shard.count}: ` : "";
  const head = style.bold(
    `lr-find ${grid.version} · grid: ${shard}${grid.cells.length} of ` +
      `${grid.total_cells} cells (spec ${grid.spec_hash})`,
  );
  return [head, "", table.toString()].join("\n");
}
