// Grid runs (`grid:` in the spec, `--shard i/n`) and `lr-find merge` of their shards.

import { resolve } from "node:path";

import { readJsonFile } from "../commands/read-json.js";
import { LrFindError } from "../errors.js";
import { gridResultSchema, type GridResult } from "../grid/result.js";
import { mergeGrids, runGrid } from "../grid/run-grid.js";
import { createStyle } from "../report/format.js";
import { renderGrid } from "../report/grid-table.js";
import type { ResolvedSpec } from "../spec/load-spec.js";
import { EXIT } from "./exit.js";
import { writeOutput } from "./write-output.js";
import type { Io } from "./io.js";

export interface GridFlags {
  shard?: { index: number; count: number };
  workers?: number;
  json?: boolean;
  out?: string[];
  quiet?: boolean;
  color?: boolean;
}

/** Run the spec's grid (or one shard) and print or write it; exit 3 if a cell has no suggestion. */
export async function gridCommand(spec: ResolvedSpec & { seed: number }, flags: GridFlags, io: Io) {
  const grid = await runGrid(spec, spec.grid ?? {}, {
    shard: flags.shard,
    workers: flags.workers,
    onCell: (done, total) => {
      if (!flags.quiet && !flags.json)
        io.stderr.write(`lr-find: grid cell ${done}/${total} done\n`);
    },
  });
  emit(grid, flags, io);
  return grid.cells.every((c) => c.result.suggestion !== null) ? EXIT.ok : EXIT.check;
}

/** `lr-find merge shard-*.json`: the whole grid's result from its shards. */
export function mergeCommand(files: string[], flags: GridFlags, io: Io): number {
  const parts = files.map((file) => ({ file: resolve(file), grid: readGrid(file) }));
  emit(mergeGrids(parts), flags, io);
  return EXIT.ok;
}

function emit(grid: GridResult, flags: GridFlags, io: Io): void {
  const json = `${JSON.stringify(grid, null, 2)}\n`;
  for (const file of flags.out ?? []) {
    if (!file.toLowerCase().endsWith(".json")) {
      throw new LrFindError("flag.invalid", `--out ${file}: a grid is written as .json`, {
        path: "--out",
      });
    }
    writeOutput("--out", file, json);
  }
  if (flags.json) io.stdout.write(json);
  else io.stdout.write(`${renderGrid(grid, createStyle(flags.color !== false && io.color))}\n`);
}

function readGrid(path: string): GridResult {
  const { file, value: raw } = readJsonFile(
    path,
    "result.invalid",
    "merge the JSON files written by lr-find SPEC --shard i/n --out shard-i.json",
  );
  const parsed = gridResultSchema.safeParse(raw);
  if (!parsed.success) {
    throw new LrFindError(
      "result.invalid",
      `${file}: not a grid result of lr-find`,
      { file },
      "merge the JSON files written by lr-find SPEC --shard i/n --out shard-i.json",
    );
  }
  // validated, but kept as written: parsing would reorder keys and change the bytes
  return raw as GridResult;
}
