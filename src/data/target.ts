// The target column: which task it implies, its classes in a stable order, or its values.
// Labels are compared as the text in the file; numbers only decide their order.

import { LrFindError, visible } from "../errors.js";
import { badNumberError, compareCodeUnits } from "./encode.js";
import { cellKind, parseNumber, type NumberFormat } from "./parse-cells.js";
import type { TargetStats } from "./target-stats.js";
import type { Task } from "./types.js";

/** In auto mode, whole-number targets with at most this many values are class labels. */
export const AUTO_MAX_INTEGER_CLASSES = 20;

export interface TargetOptions extends NumberFormat {
  task: Task | "auto";
  maxClasses: number;
}

export interface TargetPlan {
  task: Task;
  classes: string[]; // (C,) empty for regression
  /** (L,) class index of each label in the order the first pass met them; regression: empty. */
  classOfLabel: Int32Array;
  note: string;
  warnings: string[];
}

const NO_MARKERS: ReadonlySet<string> = new Set();

/** Decide the task and the classes from what the first pass counted in the target. */
export function decideTarget(stats: TargetStats, options: TargetOptions): TargetPlan {
  const allNumbers = stats.unparsed === 0;
  const distinct = stats.labels?.size ?? null;
  const counted = distinct === null ? `more than ${stats.cap}` : String(distinct);
  let task: Task;
  let why: string;

  if (options.task !== "auto") {
    task = options.task;
    why = "as set";
  } else if (!allNumbers) {
    if (stats.numeric > stats.rows - stats.numeric) throw firstBadNumber(stats, options);
    task = "classification";
    why = "auto: text labels";
  } else {
    const few = distinct !== null && distinct <= AUTO_MAX_INTEGER_CLASSES;
    task = stats.integers && few ? "classification" : "regression";
    why = `auto: ${stats.integers ? "whole" : "fractional"} numbers, ${counted} distinct`;
  }
  const note = `task ${task} (${why})`;

  if (task === "regression") {
    if (!allNumbers) throw regressionError(stats, options);
    return { task, classes: [], classOfLabel: new Int32Array(0), note, warnings: [] };
  }
  return planClasses(stats, allNumbers, options, note);
}

/** (N_kept,) the class index of each kept row. */
export function classCodes(stats: TargetStats, plan: TargetPlan): Int32Array {
  const ids = stats.labelIds();
  const codes = new Int32Array(ids.length);
  for (let k = 0; k < ids.length; k++) codes[k] = plan.classOfLabel[ids[k]];
  return codes;
}

function planClasses(
  stats: TargetStats,
  numericOrder: boolean,
  options: TargetOptions,
  note: string,
): TargetPlan {
  const { name, file } = stats.column;
  const place = { file, column: name };
  const hint = numericOrder
    ? "if the target is a quantity, set data.task: regression; else raise data.max_classes"
    : "raise data.max_classes, or check that data.target is the label column";
  if (stats.labels === null) {
    throw new LrFindError(
      "data.target",
      `target '${name}' has more than ${stats.cap} classes, more than data.max_classes ` +
        `(${options.maxClasses})`,
      place,
      hint,
    );
  }

  const labels = [...stats.labels.keys()];
  const classes = [...labels].sort((a, b) => {
    if (!numericOrder) return compareCodeUnits(a, b);
    const byValue = (parseNumber(a, options) ?? 0) - (parseNumber(b, options) ?? 0);
    return byValue !== 0 ? byValue : compareCodeUnits(a, b);
  });
  if (classes.length < 2) {
    const shown = classes.map((label) => `'${visible(label)}'`).join(", ");
    throw new LrFindError(
      "data.target",
      `target '${name}' has ${classes.length} class (${shown}); ` +
        "classification needs at least 2",
      place,
      "check data.target and the rows kept after missing values are handled",
    );
  }
  if (classes.length > options.maxClasses) {
    throw new LrFindError(
      "data.target",
      `target '${name}' has ${classes.length} classes, more than data.max_classes ` +
        `(${options.maxClasses})`,
      place,
      hint,
    );
  }

  const index = new Map(classes.map((label, c) => [label, c]));
  const classOfLabel = Int32Array.from(labels, (label) => index.get(label) ?? 0);
  const warnings = numericOrder ? sameValueWarnings(name, classes, options) : [];
  return { task: "classification", classes, classOfLabel, note, warnings };
}

/** '1' and '1.0' are two classes, since labels are text; say so. */
function sameValueWarnings(name: string, classes: string[], format: NumberFormat): string[] {
  const warnings: string[] = [];
  for (let c = 1; c < classes.length; c++) {
    if (parseNumber(classes[c], format) === parseNumber(classes[c - 1], format)) {
      warnings.push(
        `target '${name}': labels '${visible(classes[c - 1])}' and '${visible(classes[c])}' ` +
          "are different classes (labels are compared as text)",
      );
    }
  }
  return warnings;
}

function firstBadNumber(stats: TargetStats, format: NumberFormat): LrFindError {
  const place = stats.firstUnparsed!;
  const error = badNumberError(stats.column, place, stats.unparsed, format);
  if (cellKind(place.cell, NO_MARKERS, format) !== "text") return error;
  return new LrFindError(
    error.code,
    error.message,
    error.place,
    "if it marks a missing value, add it to data.na_values; if the target holds class " +
      "labels, set data.task: classification",
  );
}

function regressionError(stats: TargetStats, format: NumberFormat): LrFindError {
  const place = stats.firstUnparsed!;
  if (cellKind(place.cell, NO_MARKERS, format) !== "text") return firstBadNumber(stats, format);
  const { file, name } = stats.column;
  return new LrFindError(
    "data.target",
    `${file}: line ${place.line}: target '${name}' holds text ('${visible(place.cell)}'); ` +
      "regression needs numbers",
    { file, line: place.line, column: name },
    "set data.task: classification if these are class labels",
  );
}
