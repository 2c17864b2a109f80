// The first pass: stream the data file (and a separate target file beside it), name the
// columns and resolve the spec's references at the first row, and gather statistics of
// the used columns row by row. Errors come in the order a whole-file read meets them:
// the data file's parse errors, its shape, the target file's, then the spec's references.

import { LrFindError } from "../errors.js";
import { alignRows, type AlignState } from "./align-rows.js";
import { planColumns, type ColumnPlan, type NamedColumns } from "./columns.js";
import type { CellReading } from "./detect-header.js";
import type { ProgressReporter } from "./progress.js";
import { RowScanner } from "./scan-rows.js";
import type { DataConfig } from "./schema.js";
import type { TableReader } from "./table-reader.js";
import { ShapeTracker, type TableShape, type TrailingColumn } from "./table-shape.js";

/** The files to read: the target file, if the spec names one, may have failed to open. */
export interface PassFiles {
  data: TableReader;
  target: TableReader | null;
  /** data.target_path could not be opened: thrown where a whole-file read would meet it. */
  targetError: unknown;
}

/** What the first pass learned. */
export interface FirstPass {
  data: TableShape;
  target: TableShape | null; // the target file's, when there is one
  plan: ColumnPlan;
  scan: RowScanner;
}

/** Read the files once and return their statistics, or throw the first problem. */
export async function firstPass(
  files: PassFiles,
  config: DataConfig,
  reading: CellReading,
  progress: ProgressReporter,
): Promise<FirstPass> {
  const trailing = { data: "guess" as TrailingColumn, target: "guess" as TrailingColumn };
  for (;;) {
    const outcome = await scanFiles(files, trailing, config, reading, progress);
    if (typeof outcome !== "string") return outcome;
    // the first row left the last column empty but a later one did not: name it this time
    trailing[outcome] = "kept";
  }
}

/** One read; "data" or "target" when that file's guess about its last column was wrong. */
async function scanFiles(
  files: PassFiles,
  trailing: { data: TrailingColumn; target: TrailingColumn },
  config: DataConfig,
  reading: CellReading,
  progress: ProgressReporter,
): Promise<FirstPass | "data" | "target"> {
  const separate = config.target_path !== undefined;
  const dataRows = files.data.rows();
  const targetRows = files.target?.rows() ?? null;
  const dataShape = new ShapeTracker(files.data, dataRows.head, trailing.data);
  const targetShape =
    files.target === null || targetRows === null
      ? null
      : new ShapeTracker(files.target, targetRows.head, trailing.target, true);
  const state: AlignState = { dataRows: 0, targetRows: 0, targetError: files.targetError };
  let wrong: "data" | "target" | null = null;
  const seen = (batch: { rows: string[][] }): void => {
    if (targetShape !== null && !targetShape.see(batch.rows)) wrong ??= "target";
  };

  let scan: Planned | null = null; // set at the first row both files have
  let bytes = 0;
  const targets = separate ? (targetRows?.batches ?? noRows()) : null;
  for await (const block of alignRows(dataRows.batches, targets, state, seen)) {
    if (!dataShape.see(block.rows)) wrong ??= "data";
    if (wrong !== null) return wrong;
    const matched = !separate || block.targetRows !== null;
    if (matched) {
      scan ??= planScan(files, dataShape, targetShape, config, reading);
      scan.scanner?.scan(block);
    }
    bytes = block.bytes;
    progress.update(1, state.dataRows, bytes);
  }
  if (wrong !== null) return wrong;
  progress.finish(1, state.dataRows, bytes);

  // errors in the order a read of the whole data file, then of the target file, meets them
  const data = dataShape.shape();
  let target: TableShape | null = null;
  if (separate) {
    if (state.targetError !== null && state.targetError !== undefined) throw state.targetError;
    target = targetShape!.shape();
    if (target.rows !== data.rows) {
      throw new LrFindError(
        "data.target",
        `${target.file} has ${target.rows} rows but ${data.file} has ${data.rows}`,
        { file: target.file, path: "data.target_path" },
        "data.target_path must have one row per data row, in the same order",
      );
    }
  }
  if (scan === null || scan.plan === null || scan.scanner === null) {
    // the files are sound, so what failed was a reference in the spec
    throw scan?.error ?? new Error("first pass: no row was scanned");
  }
  return { data, target, plan: scan.plan, scan: scan.scanner };
}

/** What the spec refers to, resolved at the first row; or why it could not be. */
interface Planned {
  plan: ColumnPlan | null;
  scanner: RowScanner | null;
  /** The spec names a column the files do not have: thrown once they are read. */
  error: unknown;
}

function planScan(
  files: PassFiles,
  dataShape: ShapeTracker,
  targetShape: ShapeTracker | null,
  config: DataConfig,
  reading: CellReading,
): Planned {
  const names = columnNames(files, dataShape, targetShape);
  // naming failed: that error is thrown with the files' shapes
  if (names === null) return { plan: null, scanner: null, error: null };
  try {
    const plan = planColumns(names.data, names.target, config);
    const scanner = new RowScanner({
      ...names,
      plan,
      markers: reading.missing,
      format: reading,
      policy: config.missing,
      maxClasses: config.max_classes,
    });
    return { plan, scanner, error: null };
  } catch (error) {
    return { plan: null, scanner: null, error };
  }
}

/** The columns of both files once their first rows are in; null if naming failed. */
function columnNames(
  files: PassFiles,
  dataShape: ShapeTracker,
  targetShape: ShapeTracker | null,
): { data: NamedColumns; target: NamedColumns | null } | null {
  if (dataShape.names === null) return null;
  const data = { file: files.data.file, names: dataShape.names, header: files.data.layout.header };
  if (targetShape === null || files.target === null) return { data, target: null };
  if (targetShape.names === null) return null;
  const { file, layout } = files.target;
  return { data, target: { file, names: targetShape.names, header: layout.header } };
}

async function* noRows(): AsyncGenerator<never> {}
