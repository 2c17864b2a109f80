// Feature columns as model inputs: where each sits in the float32 block, and, once the
// second pass has written the rows, the finishing steps that need the training rows:
// fill gaps, standardize, and drop columns that carry no information.

import { LrFindError, visible } from "../errors.js";
import type { CategoricalFeature, Feature, NumericFeature } from "./encode.js";
import { compactColumns } from "./pack.js";
import { ColumnScale, isNearConstant, standardizeColumn, storageFor } from "./standardize.js";
import type { ColumnInfo, Split } from "./types.js";

/** How many dropped column names a warning lists. */
const LISTED_NAMES = 10;

/** One feature column and its place in the (N, F) block. */
export interface FeatureSlot {
  feature: Feature;
  /** Cells missing over all rows, for the report. */
  missing: number;
  offset: number; // first column of x it writes
  width: number; // columns it writes: 1, K for one-hot, 0 when it is dropped before the pass
  /** Numeric: the training rows' values, as they arrive. */
  scale: ColumnScale | null;
  /** Categorical: (K,) training rows per category. */
  counts: Float64Array | null;
}

export interface FeatureMatrix {
  names: string[]; // (F,)
  columns: ColumnInfo[]; // one per feature column, in feature order
  warnings: string[];
}

/**
 * Place the features in the block. A numeric column with a single value in every kept row
 * is constant in the training rows too: with `standardize` it gets no column at all.
 */
export function layoutFeatures(
  features: Feature[],
  missing: number[],
  standardize: boolean,
): { slots: FeatureSlot[]; width: number } {
  let offset = 0;
  const slots = features.map((feature, f): FeatureSlot => {
    const slot: FeatureSlot = {
      feature,
      missing: missing[f],
      offset,
      width: 0,
      scale: null,
      counts: null,
    };
    if (feature.kind === "numeric") {
      const { min, max, sample } = feature.stats;
      slot.scale = new ColumnScale(storageFor(min, max, sample.median()));
      slot.width = standardize && min === max ? 0 : 1;
    } else {
      slot.counts = new Float64Array(feature.categories.length);
      slot.width = feature.categories.length < 2 ? 0 : feature.categories.length;
    }
    offset += slot.width;
    return slot;
  });
  return { slots, width: offset };
}

/** What finishing a column needs, and where it leaves its results. */
interface Finishing {
  matrix: FeatureMatrix;
  splits: Split[]; // train, then validation if any
  width: number; // F before any column is dropped
  standardize: boolean;
  /** Names of the numeric columns found constant. */
  constant: string[];
}

/** Fill, standardize and drop, in place; all statistics come from the training rows. */
export function finishFeatures(
  slots: FeatureSlot[],
  splits: Split[],
  standardize: boolean,
): FeatureMatrix {
  const matrix: FeatureMatrix = { names: [], columns: [], warnings: [] };
  const width = slots.reduce((sum, slot) => sum + slot.width, 0);
  const finishing: Finishing = { matrix, splits, width, standardize, constant: [] };
  const dropped: number[] = [];
  for (const slot of slots) {
    const info =
      slot.feature.kind === "numeric"
        ? finishNumeric(finishing, slot, slot.feature)
        : finishCategorical(finishing, slot, slot.feature);
    if (info.outputs.length === 0 && slot.width > 0) dropped.push(slot.offset);
    matrix.columns.push(info);
  }

  const { constant } = finishing;
  if (constant.length > 0) {
    const shown = constant.slice(0, LISTED_NAMES);
    if (constant.length > LISTED_NAMES) shown.push(`and ${constant.length - LISTED_NAMES} more`);
    matrix.warnings.push(
      `dropped ${constant.length} constant column${constant.length === 1 ? "" : "s"} ` +
        `(no spread in the training rows): ${shown.join(", ")}`,
    );
  }
  if (matrix.names.length === 0) {
    const file = slots[0]?.feature.stats.column.file;
    throw new LrFindError(
      "data.column",
      `${file}: no feature is left, every feature column is constant in the training rows`,
      { file },
      "check data.features and data.exclude",
    );
  }
  if (dropped.length > 0) for (const split of splits) compactColumns(split, width, dropped);
  return matrix;
}

function finishNumeric(
  finishing: Finishing,
  slot: FeatureSlot,
  feature: NumericFeature,
): ColumnInfo {
  const { matrix, splits, width } = finishing;
  const { name } = feature.stats.column;
  const scale = slot.scale!;
  const info: ColumnInfo = { name, kind: "numeric", outputs: [], missing: slot.missing };

  // fill gaps left by `missing: mean` with the training mean
  const gaps = feature.stats.gaps;
  let fill = Number.NaN;
  if (gaps > 0) {
    if (scale.size === 0) throw noTrainingValues(feature);
    fill = scale.scale().mean;
    info.note = `${gaps} missing filled with the training mean ${formatNumber(fill)}`;
    matrix.warnings.push(`column ${name}: ${info.note}`);
  }

  if (finishing.standardize) {
    // filled rows hold the mean: they add rows, not spread
    const trainRows = splits[0].rows;
    const own = scale.scale(trainRows);
    if (isNearConstant(own) || slot.width === 0) {
      finishing.constant.push(name);
      info.note = "constant in the training rows; dropped";
      return info;
    }
    const stored = scale.storedScale(trainRows);
    for (const split of splits) standardizeColumn(split.x, width, slot.offset, stored);
    info.mean = own.mean;
    info.std = own.std;
  } else if (gaps > 0) {
    for (const split of splits) fillColumn(split.x, width, slot.offset, fill);
  }
  matrix.names.push(name);
  info.outputs = [name];
  return info;
}

function finishCategorical(
  finishing: Finishing,
  slot: FeatureSlot,
  feature: CategoricalFeature,
): ColumnInfo {
  const { matrix, splits, width } = finishing;
  const { categories, stats } = feature;
  const { name } = stats.column;
  const info: ColumnInfo = { name, kind: "categorical", outputs: [], missing: slot.missing };

  // fill gaps left by `missing: mean` with the most frequent training category
  if (stats.gaps > 0) {
    const fill = mostFrequent(slot.counts!);
    if (fill < 0) throw noTrainingValues(feature);
    if (slot.width > 0) {
      for (const split of splits) fillOneHot(split.x, width, slot.offset, slot.width, fill);
    }
    const value = visible(categories[fill]);
    info.note = `${stats.gaps} missing filled with the most frequent value '${value}'`;
    matrix.warnings.push(`column ${name}: ${info.note}`);
  }

  if (categories.length < 2) {
    info.note = `a single value ('${visible(categories[0])}'); dropped`;
    matrix.warnings.push(`column ${name} has ${info.note}`);
    return info;
  }
  for (const category of categories) {
    matrix.names.push(`${name}=${category}`);
    info.outputs.push(`${name}=${category}`);
  }
  info.note ??= `one-hot, ${categories.length} categories`;
  return info;
}

/** The category seen most often in the training rows (first in sort order on ties). */
function mostFrequent(counts: Float64Array): number {
  let best = -1;
  counts.forEach((count, c) => {
    if (count > 0 && (best < 0 || count > counts[best])) best = c;
  });
  return best;
}

/** Column `k` of a row-major (N, F) block: NaN (a gap) becomes `fill`. */
function fillColumn(x: Float32Array, width: number, k: number, fill: number): void {
  for (let at = k; at < x.length; at += width) if (x[at] !== x[at]) x[at] = fill;
}

/** One-hot columns [k, k + K): a row with none set (a gap) gets category `fill`. */
function fillOneHot(x: Float32Array, width: number, k: number, K: number, fill: number): void {
  for (let row = k; row < x.length; row += width) {
    let set = 0;
    for (let c = 0; c < K; c++) set += x[row + c];
    if (set === 0) x[row + fill] = 1;
  }
}

function noTrainingValues(feature: Feature): LrFindError {
  const { file, name } = feature.stats.column;
  return new LrFindError(
    "data.missing",
    `${file}: column ${name} has no values in the training rows, so there is nothing to fill ` +
      "its gaps with",
    { file, column: name },
    `leave it out with data.exclude: [${name}], or use data.missing: drop`,
  );
}

/** A short, readable number for messages (never "NaN": callers pass finite values). */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(6).replace(/\.?0+$/, "");
}
