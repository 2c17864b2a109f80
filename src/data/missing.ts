// The missing-value policy, applied before any column is encoded: `error` stops and shows
// where the gaps are, `drop` leaves those rows out, `mean` keeps them to be filled later
// from the training rows (rows without a target are always left out).

import { LrFindError, visible } from "../errors.js";
import type { ColumnCells } from "./column-cells.js";

export type MissingPolicy = "error" | "drop" | "mean";

/** How many gap positions an error lists. */
const LISTED_POSITIONS = 5;
const LISTED_COLUMNS = 10;

export interface KeptRows {
  keep: Int32Array; // (N_kept,) row positions in the table, ascending
  dropped: number;
  warnings: string[];
}

/** Decide which rows stay, or throw data.missing naming counts and first positions. */
export function applyMissingPolicy(
  features: ColumnCells[],
  target: ColumnCells,
  policy: MissingPolicy,
): KeptRows {
  const used = [...features, target];
  const n = target.cells.length;
  const total = used.reduce((sum, column) => sum + column.missingCount, 0);
  if (total === 0) {
    return { keep: Int32Array.from({ length: n }, (_, i) => i), dropped: 0, warnings: [] };
  }
  if (policy === "error") throw missingError(used, total);

  const dropping = (policy === "drop" ? used : [target]).filter((c) => c.missingCount > 0);
  const gap = new Uint8Array(n); // (N,) 1 where a row has a gap in a dropping column
  for (const column of dropping) column.missing.forEach((m, i) => (gap[i] |= m));
  const keep: number[] = [];
  gap.forEach((m, i) => {
    if (m === 0) keep.push(i);
  });
  if (keep.length === 0) {
    throw new LrFindError(
      "data.missing",
      `${target.file}: every row has a missing value (${countsByColumn(dropping)})`,
      { file: target.file },
      policy === "drop" ? "try data.missing: mean, or leave the emptiest columns out" : undefined,
    );
  }

  const dropped = n - keep.length;
  const warnings: string[] = [];
  if (dropped > 0) {
    const why = policy === "drop" ? "a missing value" : "a missing target";
    warnings.push(
      `dropped ${dropped} of ${n} rows with ${why} (missing cells: ${countsByColumn(dropping)})`,
    );
  }
  return { keep: Int32Array.from(keep), dropped, warnings };
}

function missingError(used: ColumnCells[], total: number): LrFindError {
  const positions: string[] = [];
  let first: { file: string; line: number; column: string } | undefined;
  const n = used[0].cells.length;
  for (let i = 0; i < n && positions.length < LISTED_POSITIONS; i++) {
    for (const column of used) {
      if (column.missing[i] !== 1 || positions.length >= LISTED_POSITIONS) continue;
      const line = column.lines[i];
      first ??= { file: column.file, line, column: column.name };
      positions.push(`line ${line}, column ${column.name} ('${visible(column.cells[i])}')`);
    }
  }
  const file = first?.file ?? used[0].file;
  const noun = total === 1 ? "value" : "values";
  return new LrFindError(
    "data.missing",
    `${file}: ${total} missing ${noun} (${countsByColumn(used)}); first at ${positions.join("; ")}`,
    first ?? { file },
    "set data.missing: drop to leave those rows out, or data.missing: mean to fill features " +
      "with the training mean (most frequent value for text); data.na_values lists the markers",
  );
}

/** "a: 2, b: 1", the columns that have gaps, at most LISTED_COLUMNS of them. */
function countsByColumn(columns: ColumnCells[]): string {
  const withGaps = columns.filter((column) => column.missingCount > 0);
  const shown = withGaps.slice(0, LISTED_COLUMNS).map((c) => `${c.name}: ${c.missingCount}`);
  if (withGaps.length > LISTED_COLUMNS) shown.push(`${withGaps.length - LISTED_COLUMNS} more`);
  return shown.join(", ");
}
