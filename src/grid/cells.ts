// A grid's cells in a fixed order, and the deterministic subset a shard runs.

import type { OptimizerConfig } from "../optim/schema.js";
import type { ResolvedSpec } from "../spec/load-spec.js";
import type { GridConfig } from "./schema.js";

export interface Cell {
  index: number;
  key: { optimizer: string; batch_size: number; hidden: number[]; seed: number };
  spec: ResolvedSpec & { seed: number };
}

/**
 * The cartesian product optimizer × batch_size × hidden × seed, in that nesting order; an
 * axis the grid leaves out takes the spec's value. Cell i is the same in every shard.
 */
export function gridCells(spec: ResolvedSpec & { seed: number }, grid: GridConfig): Cell[] {
  const optimizers: OptimizerConfig[] = grid.optimizer ?? spec.optimizers;
  const batches = grid.batch_size ?? [spec.sweep.batch_size];
  const hiddens = grid.hidden ?? [spec.model.hidden];
  const seeds = grid.seed ?? [spec.seed];
  const cells: Cell[] = [];

  for (const optimizer of optimizers) {
    for (const batch_size of batches) {
      for (const hidden of hiddens) {
        for (const seed of seeds) {
          cells.push({
            index: cells.length,
            key: { optimizer: optimizer.name, batch_size, hidden, seed },
            spec: {
              ...spec,
              optimizers: [optimizer],
              sweep: { ...spec.sweep, batch_size },
              model: { ...spec.model, hidden },
              seed,
            },
          });
        }
      }
    }
  }
  return cells;
}

/** Shard i of n (1-based) takes every n-th cell starting at i − 1: balanced and stable. */
export function shardCells(cells: Cell[], index: number, count: number): Cell[] {
  return cells.filter((c) => c.index % count === index - 1);
}
