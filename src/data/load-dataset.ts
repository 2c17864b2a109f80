// The data layer's entry point: a spec's data block and a seed in, a Dataset out.
// Order matters: missing values decide the rows before columns are encoded, and the split
// comes before any statistic, so fills and scales use training rows only.

import { basename, resolve } from "node:path";
import { LrFindError } from "../errors.js";
import { columnCells, countMissing, type ColumnCells } from "./column-cells.js";
import { planColumns, type ColumnPlan } from "./columns.js";
import { encodeFeature, identifierWarning } from "./encode.js";
import { buildFeatures, formatNumber, type FeatureMatrix } from "./features.js";
import { applyMissingPolicy } from "./missing.js";
import { packSplit } from "./pack.js";
import { readTable, type Table } from "./read-table.js";
import type { DataConfig } from "./schema.js";
import type { SniffOptions } from "./sniff.js";
import { splitRows } from "./split.js";
import { isNearConstant, populationScale, standardizeInPlace, type Scale } from "./standardize.js";
import { encodeTarget, type EncodedTarget } from "./target.js";
import type { ColumnInfo, Dataset } from "./types.js";

/** Read, check, encode, split and standardize the data a spec points at. */
export async function loadDataset(config: DataConfig, seed: number): Promise<Dataset> {
  const file = resolve(config.path);
  const reading = {
    decimal: config.decimal,
    thousands: config.thousands,
    missing: new Set(config.na_values),
  };
  const layout = { delimiter: config.delimiter, header: config.header };
  const table = await readTable(file, { ...reading, ...layout });
  const targetTable =
    config.target_path === undefined
      ? table
      : await readTargetTable(resolve(config.target_path), table, reading);
  const plan = planColumns(table, targetTable, config);

  // rows first: the missing-value policy decides which rows stay
  const featureCells = plan.features.map((j) => columnCells(table, j, reading.missing));
  const targetCells = columnCells(targetTable, plan.target, reading.missing);
  const kept = applyMissingPolicy(featureCells, targetCells, config.missing);

  // then columns, over the kept rows
  const features = featureCells.map((cells) => {
    return encodeFeature(cells, kept.keep, plan.categorical.has(cells.source), reading);
  });
  const target = encodeTarget(targetCells, kept.keep, {
    ...reading,
    task: config.task,
    maxClasses: config.max_classes,
  });

  const identifiers = features.map(identifierWarning).filter((w) => w !== undefined);

  // then the split, and statistics from its training rows
  const classes = target.task === "classification" ? Int32Array.from(target.values) : null;
  const split = splitRows(kept.keep.length, {
    fraction: config.validation,
    shuffle: config.shuffle,
    seed,
    classes,
  });
  const matrix = buildFeatures(features, split.train, config.standardize);
  const targetScale = scaleTarget(target, targetCells, split.train, config);

  const warnings = [
    ...table.warnings,
    ...(targetTable === table ? [] : targetTable.warnings.map((w) => `target file: ${w}`)),
    ...kept.warnings,
    ...identifiers,
    ...target.warnings,
    ...matrix.warnings,
  ];
  if (config.validation > 0 && split.validation.length === 0) {
    warnings.push(
      `data.validation ${config.validation} of ${kept.keep.length} rows is no row; ` +
        "training on all rows without a validation split",
    );
  }
  const notes = [...table.notes, target.note];
  if (targetTable !== table) notes.push(`target read from ${targetTable.file}`);

  return {
    task: target.task,
    features: matrix.outputs.length,
    featureNames: matrix.names,
    targetName: targetCells.name,
    classes: target.classes,
    train: packSplit(matrix.outputs, matrix.names, target.values, split.train),
    validation:
      split.validation.length > 0
        ? packSplit(matrix.outputs, matrix.names, target.values, split.validation)
        : null,
    info: {
      file,
      delimiter: table.layout.delimiter,
      header: table.layout.header,
      rowsRead: table.rows.length,
      rowsDropped: kept.dropped,
      columns: describeColumns(table, targetTable, plan, matrix, target, targetCells, reading),
      warnings,
      notes,
      ...(targetScale === null ? {} : { targetMean: targetScale.mean, targetStd: targetScale.std }),
    },
  };
}

/** The file named by data.target_path, row-matched to the data file. */
async function readTargetTable(
  file: string,
  data: Table,
  reading: Omit<SniffOptions, "delimiter" | "header">,
): Promise<Table> {
  const table = await readTable(file, { ...reading, delimiter: "auto", header: "auto" });
  if (table.rows.length !== data.rows.length) {
    throw new LrFindError(
      "data.target",
      `${file} has ${table.rows.length} rows but ${data.file} has ${data.rows.length}`,
      { file, path: "data.target_path" },
      "data.target_path must have one row per data row, in the same order",
    );
  }
  // a lone unnamed column is named after its file: "diabetes_target", not "col1"
  if (!table.layout.header && table.names.length === 1) {
    table.names[0] = basename(file).replace(/(\.(csv|tsv|txt))?(\.gz)?$/i, "");
  }
  return table;
}

/** Regression targets are standardized with the training rows' mean and population std. */
function scaleTarget(
  target: EncodedTarget,
  cells: ColumnCells,
  train: Int32Array,
  config: DataConfig,
): Scale | null {
  if (target.task !== "regression") return null;
  const scale = populationScale(target.values, train);
  if (isNearConstant(scale)) {
    throw new LrFindError(
      "data.target",
      `target '${cells.name}' is constant (${formatNumber(scale.mean)}) in the training ` +
        "rows; there is nothing to learn",
      { file: cells.file, column: cells.name },
      "check data.target",
    );
  }
  if (!config.standardize_target) return null;
  standardizeInPlace(target.values, scale);
  return scale;
}

/** One ColumnInfo per column of the data file, then the target if it came from elsewhere. */
function describeColumns(
  table: Table,
  targetTable: Table,
  plan: ColumnPlan,
  matrix: FeatureMatrix,
  target: EncodedTarget,
  targetCells: ColumnCells,
  reading: { missing: ReadonlySet<string> },
): ColumnInfo[] {
  const targetInfo: ColumnInfo = {
    name: targetTable.names[plan.target],
    kind: "target",
    outputs: [],
    missing: targetCells.missingCount,
    note: target.note,
  };
  const byPosition = new Map(plan.features.map((j, k) => [j, matrix.columns[k]]));
  const columns = table.names.map((name, j): ColumnInfo => {
    const feature = byPosition.get(j);
    if (feature !== undefined) return feature;
    if (targetTable === table && j === plan.target) return targetInfo;
    const note = plan.excluded.has(j) ? "in data.exclude" : "not in data.features";
    const missing = countMissing(table, j, reading.missing);
    return { name, kind: "excluded", outputs: [], missing, note };
  });
  if (targetTable !== table) columns.push(targetInfo);
  return columns;
}
