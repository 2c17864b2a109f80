// Decide whether a feature column holds numbers or categories, from all of its kept cells
// (not a first-rows guess), and read it strictly: a number-like cell that is not a plain
// number stops the load with its line, instead of turning the column into text.

import { LrFindError, visible } from "../errors.js";
import type { ColumnCells } from "./column-cells.js";
import {
  describeBadNumber,
  looksNumeric,
  numberReader,
  type NumberFormat,
} from "./parse-cells.js";

export interface NumericFeature {
  kind: "numeric";
  column: ColumnCells;
  values: Float64Array; // (N_kept,) NaN where missing
  /** Every value is a whole number (for the identifier check). */
  integers: boolean;
}

export interface CategoricalFeature {
  kind: "categorical";
  column: ColumnCells;
  categories: string[]; // (K,) sorted by code unit
  codes: Int32Array; // (N_kept,) index into categories, -1 where missing
}

export type Feature = NumericFeature | CategoricalFeature;

/** One-hot encoding a text column with more values than this is refused, not attempted. */
export const MAX_CATEGORIES = 1000;

/** Near-unique columns with at least this many rows are flagged as identifiers. */
const ID_MIN_ROWS = 20;
const ID_DISTINCT_SHARE = 0.95;

/** Encode one feature column over the kept rows. */
export function encodeFeature(
  column: ColumnCells,
  keep: Int32Array,
  forceCategorical: boolean,
  format: NumberFormat,
): Feature {
  // one pass reads every number and counts what the other cells look like
  const read = numberReader(format);
  const values = new Float64Array(keep.length); // (N_kept,) NaN where not a number
  let numbers = 0;
  let numberLike = 0;
  let text = 0;
  let integers = true;
  let firstBad = -1;
  for (let k = 0; k < keep.length; k++) {
    const i = keep[k];
    values[k] = Number.NaN;
    if (column.missing[i] === 1) continue;
    const value = read(column.cells[i]);
    if (value !== undefined) {
      values[k] = value;
      numbers += 1;
      if (integers && !Number.isInteger(value)) integers = false;
      continue;
    }
    if (firstBad < 0) firstBad = i;
    if (looksNumeric(column.cells[i])) numberLike += 1;
    else text += 1;
  }

  if (numbers + numberLike + text === 0) {
    throw new LrFindError(
      "data.missing",
      `${column.file}: column ${column.name} has no values`,
      { file: column.file, column: column.name },
      `leave it out with data.exclude: [${column.name}]`,
    );
  }
  if (forceCategorical || numbers + numberLike <= text) {
    const feature = encodeCategories(column, keep);
    if (feature.categories.length > MAX_CATEGORIES) throw tooManyCategories(feature);
    return feature;
  }
  if (firstBad >= 0) throw badNumberError(column, firstBad, numberLike + text, format);
  return { kind: "numeric", column, values, integers };
}

/** A warning for a column that is near-unique, like a row number or a name. */
export function identifierWarning(feature: Feature): string | undefined {
  const distinct = new Set<number | string>();
  let present = 0;
  if (feature.kind === "numeric") {
    if (!feature.integers) return undefined;
    for (const value of feature.values) {
      if (Number.isNaN(value)) continue;
      present += 1;
      distinct.add(value);
    }
  } else {
    for (const code of feature.codes) if (code >= 0) present += 1;
    feature.categories.forEach((category) => distinct.add(category));
  }
  if (present < ID_MIN_ROWS || distinct.size < ID_DISTINCT_SHARE * present) return undefined;
  const name = feature.column.name;
  return (
    `column ${name} looks like an identifier (${distinct.size} distinct values in ` +
    `${present} rows); leave it out with data.exclude: [${name}]`
  );
}

function encodeCategories(column: ColumnCells, keep: Int32Array): CategoricalFeature {
  const seen = new Set<string>();
  for (const i of keep) if (column.missing[i] !== 1) seen.add(column.cells[i]);
  const categories = [...seen].sort(compareCodeUnits);
  const index = new Map(categories.map((category, c) => [category, c]));
  const codes = new Int32Array(keep.length);
  keep.forEach((i, k) => {
    codes[k] = column.missing[i] === 1 ? -1 : (index.get(column.cells[i]) ?? -1);
  });
  return { kind: "categorical", column, categories, codes };
}

function tooManyCategories(feature: CategoricalFeature): LrFindError {
  const { file, name } = feature.column;
  return new LrFindError(
    "data.column",
    `${file}: column ${name} has ${feature.categories.length} distinct text values; one-hot ` +
      `encoding takes at most ${MAX_CATEGORIES}`,
    { file, column: name },
    `leave it out with data.exclude: [${name}]`,
  );
}

/** A cell that should have been a number: line, column, value, reason and a way out. */
export function badNumberError(
  column: ColumnCells,
  row: number,
  count: number,
  format: NumberFormat,
): LrFindError {
  const cell = column.cells[row];
  const line = column.lines[row];
  const { reason, hint } = describeBadNumber(cell, format);
  const more = count > 1 ? ` (${count} cells in this column)` : "";
  return new LrFindError(
    "data.value",
    `${column.file}: line ${line} (row ${row + 1}), column ${column.name}: ` +
      `'${visible(cell)}' ${reason}${more}`,
    { file: column.file, line, column: column.name },
    hint,
  );
}

/** Sort by UTF-16 code units: the same order on every machine and locale. */
export function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
