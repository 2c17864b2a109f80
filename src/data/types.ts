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
