// Decide whether a feature column holds numbers or categories, from all of its kept cells
// (not a first-rows guess), and read it strictly: a number-like cell that is not a plain
// number stops the load with its line, instead of turning the column into text.

import { LrFindError, visible } from "../errors.js";
import type { CellPlace, ColumnSource, FeatureStats } from "./feature-stats.js";
import { describeBadNumber, numberReader, type NumberFormat } from "./parse-cells.js";

export interface NumericFeature {
  kind: "numeric";
  stats: FeatureStats;
  read: (cell: string) => number | undefined;
}

export interface CategoricalFeature {
  kind: "categorical";
  stats: FeatureStats;
  categories: string[]; // (K,) sorted by code unit
  index: Map<string, number>; // category -> position in `categories`
}

export type Feature = NumericFeature | CategoricalFeature;

/** One-hot encoding a text column with more values than this is refused, not attempted. */
export const MAX_CATEGORIES = 1000;

/** Near-unique columns with at least this many rows are flagged as identifiers. */
const ID_MIN_ROWS = 20;
const ID_DISTINCT_SHARE = 0.95;

/** Numbers or categories for a column, from what the first pass counted in it. */
export function decideFeature(
  stats: FeatureStats,
  forceCategorical: boolean,
  format: NumberFormat,
): Feature {
  const { column, numbers, numberLike, text } = stats;
  if (numbers + numberLike + text === 0) {
    throw new LrFindError(
      "data.missing",
      `${column.file}: column ${column.name} has no values`,
      { file: column.file, column: column.name },
      `leave it out with data.exclude: [${column.name}]`,
    );
  }
  if (forceCategorical || numbers + numberLike <= text) {
    if (stats.categories === null) throw tooManyCategories(column);
    const categories = [...stats.categories.keys()].sort(compareCodeUnits);
    const index = new Map(categories.map((category, c) => [category, c]));
    return { kind: "categorical", stats, categories, index };
  }
  if (stats.firstBad !== null) {
    throw badNumberError(column, stats.firstBad, numberLike + text, format);
  }
  return { kind: "numeric", stats, read: numberReader(format) };
}

/**
 * What a kept cell gives its feature: the number (NaN where missing, filled later), or
 * the index of its category (-1 where missing).
 */
export function encodeCell(feature: Feature, cell: string, missing: boolean): number {
  if (feature.kind === "numeric") return missing ? Number.NaN : (feature.read(cell) ?? Number.NaN);
  return missing ? -1 : (feature.index.get(cell) ?? -1);
}

/** A warning for a column that is near-unique, like a row number or a name. */
export function identifierWarning(feature: Feature): string | undefined {
  const { stats } = feature;
  const present = stats.present;
  let distinct: number;
  let about = "";
  if (feature.kind === "numeric") {
    if (!stats.integers) return undefined;
    distinct = stats.distinct.distinct(present);
    if (!stats.distinct.exact) about = "about ";
  } else {
    distinct = feature.categories.length;
  }
  if (present < ID_MIN_ROWS || distinct < ID_DISTINCT_SHARE * present) return undefined;
  const name = stats.column.name;
  return (
    `column ${name} looks like an identifier (${about}${distinct} distinct values in ` +
    `${present} rows); leave it out with data.exclude: [${name}]`
  );
}

function tooManyCategories(column: ColumnSource): LrFindError {
  const { file, name } = column;
  return new LrFindError(
    "data.column",
    `${file}: column ${name} has more than ${MAX_CATEGORIES} distinct text values; one-hot ` +
      `encoding takes at most ${MAX_CATEGORIES}`,
    { file, column: name },
    `leave it out with data.exclude: [${name}]`,
  );
}

/** A cell that should have been a number: line, column, value, reason and a way out. */
export function badNumberError(
  column: ColumnSource,
  place: CellPlace,
  count: number,
  format: NumberFormat,
): LrFindError {
  const { cell, line, row } = place;
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
