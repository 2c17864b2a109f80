// One column of a table, trimmed, with its missing cells marked, plus where each row
// came from so that any later message can name the file, line and column.

import type { Table } from "./read-table.js";
import { trimCell } from "./parse-cells.js";

export interface ColumnCells {
  name: string;
  file: string;
  /** Position in its table. */
  source: number;
  cells: string[]; // (N,) trimmed
  missing: Uint8Array; // (N,) 1 where the cell is one of data.na_values
  missingCount: number;
  lines: number[]; // (N,) physical line of each row
}

/** Column `j` of a table; `markers` are the cells that mean "no value". */
export function columnCells(table: Table, j: number, markers: ReadonlySet<string>): ColumnCells {
  const n = table.rows.length;
  const cells = new Array<string>(n);
  const missing = new Uint8Array(n);
  let missingCount = 0;
  for (let i = 0; i < n; i++) {
    const cell = trimCell(table.rows[i][j]);
    cells[i] = cell;
    if (markers.has(cell)) {
      missing[i] = 1;
      missingCount += 1;
    }
  }
  return {
    name: table.names[j],
    file: table.file,
    source: j,
    cells,
    missing,
    missingCount,
    lines: table.lines,
  };
}

/** Missing cells in column `j`, for columns that are read but not used. */
export function countMissing(table: Table, j: number, markers: ReadonlySet<string>): number {
  let count = 0;
  for (const row of table.rows) if (markers.has(trimCell(row[j]))) count += 1;
  return count;
}
