// Small in-memory datasets for sweep and suggestion tests, standardized like the loader does.

import type { Dataset, Task } from "../../src/data/types.js";

/** Build a Dataset from rows of features and targets; x and y are z-scored (population std). */
export function makeDataset(x: number[][], y: number[], task: Task, standardize = true): Dataset {
  const rows = x.length;
  const F = x[0].length;
  const cols = Array.from({ length: F }, (_, j) =>
    zscore(
      x.map((r) => r[j]),
      standardize,
    ),
  );
  const flat = new Float32Array(rows * F);
  for (let r = 0; r < rows; r++) for (let j = 0; j < F; j++) flat[r * F + j] = cols[j][r];
  const classes = task === "classification" ? [...new Set(y)].sort((a, b) => a - b) : [];
  const target = task === "regression" ? zscore(y, standardize) : y.map((v) => classes.indexOf(v));

  return {
    task,
    features: F,
    featureNames: Array.from({ length: F }, (_, j) => `x${j + 1}`),
    targetName: "y",
    classes: classes.map(String),
    train: { x: flat, y: Float32Array.from(target), rows },
    validation: null,
    info: {
      file: "memory",
      delimiter: ",",
      header: true,
      rowsRead: rows,
      rowsDropped: 0,
      columns: [],
      warnings: [],
    },
  };
}

function zscore(v: number[], on: boolean): number[] {
  if (!on) return v;
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const std = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
  return v.map((a) => (std > 0 ? (a - mean) / std : 0));
}

/** The 8-row regression file used by several failure cases (BL-01, BL-02, BL-07). */
export const BL01_ROWS = [
  [0.2, 1.0, 3.1],
  [0.9, 0.4, 2.2],
  [0.5, 0.5, 2.6],
  [0.1, 0.8, 2.9],
  [0.7, 0.2, 1.8],
  [0.3, 0.9, 3.3],
  [0.8, 0.6, 2.5],
  [0.4, 0.1, 1.7],
];
export const BL01_CSV = ["x1,x2,y", ...BL01_ROWS.map((r) => r.join(","))].join("\n") + "\n";

/** BL-01's data as a regression Dataset. */
export function bl01(): Dataset {
  return makeDataset(
    BL01_ROWS.map((r) => r.slice(0, 2)),
    BL01_ROWS.map((r) => r[2]),
    "regression",
  );
}
