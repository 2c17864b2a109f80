// Encoded feature columns to model inputs: fill gaps and scale from the training rows,
// one-hot encode categories, and drop columns that carry no information.

import { LrFindError, visible } from "../errors.js";
import type { CategoricalFeature, Feature, NumericFeature } from "./encode.js";
import { isNearConstant, populationScale, standardizeInPlace } from "./standardize.js";
import type { ColumnInfo } from "./types.js";

/** How many dropped column names a warning lists. */
const LISTED_NAMES = 10;

export interface FeatureMatrix {
  outputs: (Float64Array | Uint8Array)[]; // (F,) each (N_kept,); one-hot columns as bytes
  names: string[]; // (F,)
  columns: ColumnInfo[]; // one per feature column, in feature order
  warnings: string[];
}

/** Build model inputs; all statistics come from the rows in `train`. */
export function buildFeatures(
  features: Feature[],
  train: Int32Array,
  standardize: boolean,
): FeatureMatrix {
  const matrix: FeatureMatrix = { outputs: [], names: [], columns: [], warnings: [] };
  const constant: string[] = [];
  for (const feature of features) {
    const info =
      feature.kind === "numeric"
        ? addNumeric(matrix, feature, train, standardize, constant)
        : addCategorical(matrix, feature, train);
    matrix.columns.push(info);
  }

  if (constant.length > 0) {
    const shown = constant.slice(0, LISTED_NAMES);
    if (constant.length > LISTED_NAMES) shown.push(`and ${constant.length - LISTED_NAMES} more`);
    matrix.warnings.push(
      `dropped ${constant.length} constant column${constant.length === 1 ? "" : "s"} ` +
        `(no spread in the training rows): ${shown.join(", ")}`,
    );
  }
  if (matrix.outputs.length === 0) {
    const file = features[0]?.column.file;
    throw new LrFindError(
      "data.column",
      `${file}: no feature is left, every feature column is constant in the training rows`,
      { file },
      "check data.features and data.exclude",
    );
  }
  return matrix;
}

function addNumeric(
  matrix: FeatureMatrix,
  feature: NumericFeature,
  train: Int32Array,
  standardize: boolean,
  constant: string[],
): ColumnInfo {
  const { column, values } = feature;
  const missing = column.missingCount;
  const info: ColumnInfo = { name: column.name, kind: "numeric", outputs: [], missing };

  // fill gaps left by `missing: mean` with the training mean
  const gaps = values.reduce((count, value) => count + (Number.isNaN(value) ? 1 : 0), 0);
  if (gaps > 0) {
    const present = train.filter((i) => !Number.isNaN(values[i]));
    if (present.length === 0) throw noTrainingValues(feature);
    const fill = populationScale(values, present).mean;
    values.forEach((value, i) => {
      if (Number.isNaN(value)) values[i] = fill;
    });
    info.note = `${gaps} missing filled with the training mean ${formatNumber(fill)}`;
    matrix.warnings.push(`column ${column.name}: ${info.note}`);
  }

  if (standardize) {
    const scale = populationScale(values, train);
    if (isNearConstant(scale)) {
      constant.push(column.name);
      info.note = "constant in the training rows; dropped";
      return info;
    }
    standardizeInPlace(values, scale);
    info.mean = scale.mean;
    info.std = scale.std;
  }
  matrix.outputs.push(values);
  matrix.names.push(column.name);
  info.outputs = [column.name];
  return info;
}

function addCategorical(
  matrix: FeatureMatrix,
  feature: CategoricalFeature,
  train: Int32Array,
): ColumnInfo {
  const { column, categories, codes } = feature;
  const missing = column.missingCount;
  const info: ColumnInfo = { name: column.name, kind: "categorical", outputs: [], missing };

  // fill gaps left by `missing: mean` with the most frequent training category
  const gaps = codes.reduce((count, code) => count + (code < 0 ? 1 : 0), 0);
  if (gaps > 0) {
    const fill = mostFrequent(codes, train, categories.length);
    if (fill < 0) throw noTrainingValues(feature);
    codes.forEach((code, i) => {
      if (code < 0) codes[i] = fill;
    });
    const value = visible(categories[fill]);
    info.note = `${gaps} missing filled with the most frequent value '${value}'`;
    matrix.warnings.push(`column ${column.name}: ${info.note}`);
  }

  if (categories.length < 2) {
    info.note = `a single value ('${visible(categories[0])}'); dropped`;
    matrix.warnings.push(`column ${column.name} has ${info.note}`);
    return info;
  }
  categories.forEach((category, c) => {
    const name = `${column.name}=${category}`;
    matrix.outputs.push(Uint8Array.from(codes, (code) => (code === c ? 1 : 0)));
    matrix.names.push(name);
    info.outputs.push(name);
  });
  info.note ??= `one-hot, ${categories.length} categories`;
  return info;
}

/** The category seen most often in the training rows (first in sort order on ties). */
function mostFrequent(codes: Int32Array, train: Int32Array, categories: number): number {
  const counts = new Int32Array(categories);
  for (const i of train) if (codes[i] >= 0) counts[codes[i]] += 1;
  let best = -1;
  counts.forEach((count, c) => {
    if (count > 0 && (best < 0 || count > counts[best])) best = c;
  });
  return best;
}

function noTrainingValues(feature: Feature): LrFindError {
  const { file, name } = feature.column;
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
