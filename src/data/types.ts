// What the data layer hands to the sweep: typed arrays plus the description a report needs.

export type Task = "classification" | "regression";

/** One block of rows, features row-major. */
export interface Split {
  x: Float32Array; // (N, F) row-major
  y: Float32Array; // (N,) class index (classification) or standardized target (regression)
  rows: number; // N
}

/** How one source column became model inputs. */
export interface ColumnInfo {
  name: string;
  kind: "numeric" | "categorical" | "excluded" | "target";
  /** Output feature names it produced (one-hot gives several). */
  outputs: string[];
  missing: number;
  note?: string;
  /** Standardized numeric features: the training mean and population std applied. */
  mean?: number;
  std?: number;
}

/** What loading did, for the report header and the JSON `data` block. */
export interface DataInfo {
  file: string;
  delimiter: string;
  header: boolean;
  rowsRead: number;
  rowsDropped: number;
  columns: ColumnInfo[];
  warnings: string[];
  /** What loading noticed and did, for information (delimiter, header, metadata, task). */
  notes?: string[];
  /** Regression only: the target's mean and population std, so losses can be read back. */
  targetMean?: number;
  targetStd?: number;
}

/** A loaded, encoded, split and standardized dataset. */
export interface Dataset {
  task: Task;
  features: number; // F, after one-hot encoding
  featureNames: string[]; // (F,)
  targetName: string;
  classes: string[]; // (C,) class labels in index order; empty for regression
  train: Split;
  validation: Split | null;
  info: DataInfo;
}

/** How far a load has come, for a caller that shows progress. */
export interface LoadProgress {
  /** Bytes of the data file read in this pass (compressed bytes for gzip). */
  bytes: number;
  /** The data file's size on disk, when known. */
  totalBytes: number | null;
  /** Data rows read in this pass. */
  rows: number;
  /** 1: statistics; 2: writing the rows the sweep needs. */
  pass: 1 | 2;
}

/** Options of `loadDataset` that do not come from the spec. */
export interface LoadOptions {
  /** Called a few times per second at most, and once at the end of each pass. */
  onProgress?: (info: LoadProgress) => void;
  /** Bytes read from the file at a time (default 64 KiB); tests make it small. */
  chunkBytes?: number;
}
