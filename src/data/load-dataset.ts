// The data layer's entry point: a spec's data block and a seed in, a Dataset out, in two
// passes over the file so that its size is not bounded by memory. The first pass gathers
// statistics; then the missing-value policy, the encodings and the split are decided and
// the float32 blocks allocated once; the second pass writes each kept row into them; fills
// and scales then come from the training rows only.

import { resolve } from "node:path";
import { LrFindError } from "../errors.js";
import { describeColumns, describeNotes, readingWarnings } from "./describe.js";
import type { CellReading } from "./detect-header.js";
import { decideFeature, identifierWarning } from "./encode.js";
import { finishFeatures, formatNumber, layoutFeatures } from "./features.js";
import { firstPass, type FirstPass, type PassFiles } from "./first-pass.js";
import { checkMissing } from "./missing.js";
import { allocateSplit, checkFinite } from "./pack.js";
import { ProgressReporter } from "./progress.js";
import type { DataConfig } from "./schema.js";
import { secondPass } from "./second-pass.js";
import { markValidation } from "./split.js";
import { ColumnScale, isNearConstant, standardizeColumn, storageFor } from "./standardize.js";
import { TableReader } from "./table-reader.js";
import { classCodes, decideTarget } from "./target.js";
import type { Dataset, LoadOptions, Split } from "./types.js";

/** Read, check, encode, split and standardize the data a spec points at. */
export async function loadDataset(
  config: DataConfig,
  seed: number,
  options: LoadOptions = {},
): Promise<Dataset> {
  const file = resolve(config.path);
  const reading: CellReading = {
    decimal: config.decimal,
    thousands: config.thousands,
    missing: new Set(config.na_values),
  };
  const { chunkBytes } = options;
  const layout = { delimiter: config.delimiter, header: config.header };
  const data = await TableReader.open(file, { ...reading, ...layout }, chunkBytes);
  const files: PassFiles = { data, target: null, targetError: null };
  try {
    if (config.target_path !== undefined) {
      // a failure here is reported where a read of the whole data file would meet it
      const auto = { delimiter: "auto", header: "auto" as const };
      const targetFile = resolve(config.target_path);
      files.target = await TableReader.open(targetFile, { ...reading, ...auto }, chunkBytes).catch(
        (error: unknown) => {
          files.targetError = error;
          return null;
        },
      );
    }
    const progress = new ProgressReporter(options.onProgress, data.size);
    const first = await firstPass(files, config, reading, progress);
    return await prepare(files, first, config, seed, reading, progress);
  } finally {
    await data.close();
    await files.target?.close();
  }
}

/** Decide, allocate, write and finish, from what the first pass learned. */
async function prepare(
  files: PassFiles,
  first: FirstPass,
  config: DataConfig,
  seed: number,
  reading: CellReading,
  progress: ProgressReporter,
): Promise<Dataset> {
  const { plan, scan } = first;
  const policy = config.missing;

  // rows first: the missing-value policy decided which rows stay
  const gaps = scan.gaps();
  const kept = checkMissing(gaps, policy);

  // then columns, over the kept rows
  const features = scan.features.map((stats, f) => {
    return decideFeature(stats, plan.categorical.has(plan.features[f]), reading);
  });
  const target = decideTarget(scan.target, {
    ...reading,
    task: config.task,
    maxClasses: config.max_classes,
  });
  const identifiers = features.map(identifierWarning).filter((w) => w !== undefined);

  // then the split, as a mark per kept row, and the blocks it fills
  const classes = target.task === "classification" ? classCodes(scan.target, target) : null;
  const held = markValidation(scan.kept, {
    fraction: config.validation,
    shuffle: config.shuffle,
    seed,
    classes,
  });
  let heldRows = 0;
  for (let k = 0; k < held.length; k++) heldRows += held[k];
  const missing = gaps.columns.slice(0, -1).map((column) => column.missing);
  const { slots, width } = layoutFeatures(features, missing, config.standardize);
  const train = allocateSplit(scan.kept - heldRows, width);
  const validation = heldRows > 0 ? allocateSplit(heldRows, width) : null;
  const splits = validation === null ? [train] : [train, validation];
  const { min, max, sample } = scan.target;
  const targetScale =
    target.task === "regression" ? new ColumnScale(storageFor(min, max, sample.median())) : null;

  await secondPass(
    files,
    first,
    {
      slots,
      width,
      held,
      train,
      validation,
      classes,
      targetScale,
      standardize: config.standardize,
      standardizeTarget: config.standardize_target,
      policy,
    },
    reading,
    progress,
  );

  // statistics of the training rows
  const matrix = finishFeatures(slots, splits, config.standardize);
  const targetInfo = targetScale === null ? {} : finishTarget(targetScale, splits, first, config);

  const warnings = [
    ...readingWarnings(first),
    ...kept.warnings,
    ...identifiers,
    ...target.warnings,
    ...matrix.warnings,
  ];
  if (config.validation > 0 && validation === null) {
    warnings.push(
      `data.validation ${config.validation} of ${scan.kept} rows is no row; ` +
        "training on all rows without a validation split",
    );
  }
  for (const split of splits) checkFinite(split, matrix.names);

  return {
    task: target.task,
    features: matrix.names.length,
    featureNames: matrix.names,
    targetName: scan.target.column.name,
    classes: target.classes,
    train,
    validation,
    info: {
      file: first.data.file,
      delimiter: first.data.layout.delimiter,
      header: first.data.layout.header,
      rowsRead: first.data.rows,
      rowsDropped: kept.dropped,
      columns: describeColumns(first, matrix, target),
      warnings,
      notes: describeNotes(first, target),
      ...targetInfo,
    },
  };
}

/** Regression targets are standardized with the training rows' mean and population std. */
function finishTarget(
  scale: ColumnScale,
  splits: Split[],
  first: FirstPass,
  config: DataConfig,
): { targetMean?: number; targetStd?: number } {
  const trainRows = splits[0].rows;
  const own = scale.scale(trainRows);
  if (isNearConstant(own)) {
    const { name, file } = first.scan.target.column;
    throw new LrFindError(
      "data.target",
      `target '${name}' is constant (${formatNumber(own.mean)}) in the training ` +
        "rows; there is nothing to learn",
      { file, column: name },
      "check data.target",
    );
  }
  if (!config.standardize_target) return {};
  const stored = scale.storedScale(trainRows);
  for (const split of splits) standardizeColumn(split.y, 1, 0, stored);
  return { targetMean: own.mean, targetStd: own.std };
}
