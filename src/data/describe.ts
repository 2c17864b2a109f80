// What loading did, in words: a ColumnInfo for every column of the data file (and the
// target, if it came from its own file), and the notes and warnings in reading order.

import type { FeatureMatrix } from "./features.js";
import type { FirstPass } from "./first-pass.js";
import type { TargetPlan } from "./target.js";
import type { ColumnInfo } from "./types.js";

/** One ColumnInfo per column of the data file, then the target if it came from elsewhere. */
export function describeColumns(
  first: FirstPass,
  matrix: FeatureMatrix,
  target: TargetPlan,
): ColumnInfo[] {
  const { data, plan, scan } = first;
  const targetNames = first.target?.names ?? data.names;
  const targetInfo: ColumnInfo = {
    name: targetNames[plan.target],
    kind: "target",
    outputs: [],
    missing: first.target === null ? scan.missing[plan.target] : scan.targetMissing,
    note: target.note,
  };
  const byPosition = new Map(plan.features.map((j, k) => [j, matrix.columns[k]]));
  const columns = data.names.map((name, j): ColumnInfo => {
    const feature = byPosition.get(j);
    if (feature !== undefined) return feature;
    if (first.target === null && j === plan.target) return targetInfo;
    const note = plan.excluded.has(j) ? "in data.exclude" : "not in data.features";
    return { name, kind: "excluded", outputs: [], missing: scan.missing[j], note };
  });
  if (first.target !== null) columns.push(targetInfo);
  return columns;
}

/** Notes of the files and the task, in the order they were met. */
export function describeNotes(first: FirstPass, target: TargetPlan): string[] {
  const notes = [...first.data.notes, target.note];
  if (first.target !== null) notes.push(`target read from ${first.target.file}`);
  return notes;
}

/** Warnings of reading the files; the caller adds those of preparing the columns. */
export function readingWarnings(first: FirstPass): string[] {
  const fromTarget = first.target?.warnings.map((w) => `target file: ${w}`) ?? [];
  return [...first.data.warnings, ...fromTarget];
}
