// Run a grid (or one shard of it) and merge shards back into the whole.

import { runRangeTest } from "../commands/range-test.js";
import { specHash } from "../commands/spec-hash.js";
import { LrFindError } from "../errors.js";
import type { ResolvedSpec } from "../spec/load-spec.js";
import { VERSION } from "../version.js";
import { gridCells, shardCells } from "./cells.js";
import type { GridResult } from "./result.js";
import type { GridConfig } from "./schema.js";

export interface GridOptions {
  shard?: { index: number; count: number };
  workers?: number;
  onCell?: (done: number, total: number) => void;
}

/** Every cell's range test, in cell order; with a shard, only that shard's cells. */
export async function runGrid(
  spec: ResolvedSpec & { seed: number },
  grid: GridConfig,
  options: GridOptions = {},
): Promise<GridResult> {
  const all = gridCells(spec, grid);
  const cells = options.shard ? shardCells(all, options.shard.index, options.shard.count) : all;
  const out: GridResult["cells"] = [];

  for (const cell of cells) {
    const { timing: _timing, ...result } = await runRangeTest(cell.spec, {
      workers: options.workers,
    });
    out.push({ index: cell.index, key: cell.key, result });
    options.onCell?.(out.length, cells.length);
  }

  return {
    schema_version: 1,
    kind: "grid",
    version: VERSION,
    spec_hash: specHash({ ...spec, grid } as ResolvedSpec),
    total_cells: all.length,
    shard: options.shard ?? null,
    cells: out,
  };
}

/**
 * Join shards into the result the whole grid gives: same spec, every cell exactly once,
 * cells in grid order. Shards of different specs or a missing shard are errors.
 */
export function mergeGrids(parts: { file: string; grid: GridResult }[]): GridResult {
  const [first] = parts;
  for (const p of parts) {
    if (
      p.grid.spec_hash !== first.grid.spec_hash ||
      p.grid.total_cells !== first.grid.total_cells
    ) {
      throw new LrFindError(
        "result.invalid",
        `${p.file} comes from a different spec than ${first.file} (spec_hash ` +
          `${p.grid.spec_hash} vs ${first.grid.spec_hash})`,
        { file: p.file },
        "merge only the shards of one grid run",
      );
    }
  }

  const byIndex = new Map<number, GridResult["cells"][number]>();
  for (const p of parts) {
    for (const cell of p.grid.cells) {
      if (byIndex.has(cell.index)) {
        throw new LrFindError(
          "result.invalid",
          `cell ${cell.index} appears twice (again in ${p.file})`,
          { file: p.file },
          "pass each shard once",
        );
      }
      byIndex.set(cell.index, cell);
    }
  }

  const total = first.grid.total_cells;
  const missing = Array.from({ length: total }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    throw new LrFindError(
      "result.invalid",
      `the shards cover ${byIndex.size} of ${total} cells; ` +
        `missing: ${missing.slice(0, 10).join(", ")}`,
      {},
      "is a shard missing? pass every shard's result",
    );
  }

  return {
    ...first.grid,
    shard: null,
    cells: [...byIndex.values()].sort((a, b) => a.index - b.index),
  };
}
