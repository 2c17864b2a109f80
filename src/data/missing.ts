// The missing-value policy, applied before any column is encoded: `error` stops and shows
// where the gaps are, `drop` leaves those rows out, `mean` keeps them to be filled later
// from the training rows (rows without a target are always left out). The rule for a row
// needs only that row, so the first pass applies it as it reads.

import { LrFindError, visible } from "../errors.js";

export type MissingPolicy = "error" | "drop" | "mean";

/** How many gap positions an error lists. */
export const LISTED_POSITIONS = 5;
const LISTED_COLUMNS = 10;

/** A used column (feature or target) and its missing cells over all rows. */
export interface ColumnGaps {
  name: string;
  file: string;
  missing: number;
}

/** One missing cell, in file order, for the error message. */
export interface GapPosition {
  file: string;
  line: number;
  column: string;
  cell: string;
}

/** What the first pass saw of the gaps in the used columns. */
export interface GapSummary {
  /** Features in order, then the target. */
  columns: ColumnGaps[];
  /** The first LISTED_POSITIONS gaps, row by row, columns in the order above. */
  positions: GapPosition[];
  rows: number;
  kept: number;
}

export interface KeptRows {
  dropped: number;
  warnings: string[];
}

/** A test for the markers; a cell longer than all of them skips the set lookup (most do). */
export function markerTest(markers: ReadonlySet<string>): (cell: string) => boolean {
  let longest = 0;
  for (const marker of markers) longest = Math.max(longest, marker.length);
  return (cell) => cell.length <= longest && markers.has(cell);
}

/** Whether a row stays: `gap` is any used column missing, `targetGap` the target. */
export function keepsRow(policy: MissingPolicy, gap: boolean, targetGap: boolean): boolean {
  if (policy === "drop") return !gap;
  if (policy === "mean") return !targetGap;
  return true;
}

/** Check the rows the policy kept, or throw data.missing naming counts and first positions. */
export function checkMissing(summary: GapSummary, policy: MissingPolicy): KeptRows {
  const { columns, rows, kept } = summary;
  const target = columns[columns.length - 1];
  const total = columns.reduce((sum, column) => sum + column.missing, 0);
  if (total === 0) return { dropped: 0, warnings: [] };
  if (policy === "error") throw missingError(summary, total);

  const dropping = (policy === "drop" ? columns : [target]).filter((c) => c.missing > 0);
  if (kept === 0) {
    throw new LrFindError(
      "data.missing",
      `${target.file}: every row has a missing value (${countsByColumn(dropping)})`,
      { file: target.file },
      policy === "drop" ? "try data.missing: mean, or leave the emptiest columns out" : undefined,
    );
  }

  const dropped = rows - kept;
  const warnings: string[] = [];
  if (dropped > 0) {
    const why = policy === "drop" ? "a missing value" : "a missing target";
    const cells = countsByColumn(dropping);
    warnings.push(`dropped ${dropped} of ${rows} rows with ${why} (missing cells: ${cells})`);
  }
  return { dropped, warnings };
}

function missingError(summary: GapSummary, total: number): LrFindError {
  const { columns, positions } = summary;
  const first = positions[0];
  const shown = positions.map((p) => `line ${p.line}, column ${p.column} ('${visible(p.cell)}')`);
  const file = first?.file ?? columns[0].file;
  const noun = total === 1 ? "value" : "values";
  const place = first === undefined ? { file } : { file, line: first.line, column: first.column };
  return new LrFindError(
    "data.missing",
    `${file}: ${total} missing ${noun} (${countsByColumn(columns)}); first at ${shown.join("; ")}`,
    place,
    "set data.missing: drop to leave those rows out, or data.missing: mean to fill features " +
      "with the training mean (most frequent value for text); data.na_values lists the markers",
  );
}

/** "a: 2, b: 1", the columns that have gaps, at most LISTED_COLUMNS of them. */
function countsByColumn(columns: ColumnGaps[]): string {
  const withGaps = columns.filter((column) => column.missing > 0);
  const shown = withGaps.slice(0, LISTED_COLUMNS).map((c) => `${c.name}: ${c.missing}`);
  if (withGaps.length > LISTED_COLUMNS) shown.push(`${withGaps.length - LISTED_COLUMNS} more`);
  return shown.join(", ");
}
