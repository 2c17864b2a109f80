// The target column: which task it implies, its classes in a stable order, or its values.
// Labels are compared as the text in the file; numbers only decide their order.

import { LrFindError, visible } from "../errors.js";
import type { Task } from "./types.js";
import type { ColumnCells } from "./column-cells.js";
import { badNumberError, compareCodeUnits } from "./encode.js";
import { cellKind, parseNumber, type NumberFormat } from "./parse-cells.js";

/** In auto mode, whole-number targets with at most this many values are class labels. */
export const AUTO_MAX_INTEGER_CLASSES = 20;

export interface TargetOptions extends NumberFormat {
  task: Task | "auto";
  maxClasses: number;
}

export interface EncodedTarget {
  task: Task;
  classes: string[]; // (C,) empty for regression
  values: Float64Array; // (N_kept,) class index, or the value read
  note: string;
  warnings: string[];
}

/** Encode the kept rows of the target; the missing policy has already removed gaps. */
export function encodeTarget(
  column: ColumnCells,
  keep: Int32Array,
  options: TargetOptions,
): EncodedTarget {
  const labels = Array.from(keep, (i) => column.cells[i]);
  const numbers = labels.map((label) => parseNumber(label, options));
  const allNumbers = numbers.every((value) => value !== undefined);
  const distinct = new Set(labels);
  let task: Task;
  let why: string;

  if (options.task !== "auto") {
    task = options.task;
    why = "as set";
  } else if (!allNumbers) {
    if (mostlyNumeric(labels, options)) throw firstBadNumber(column, keep, numbers, options);
    task = "classification";
    why = "auto: text labels";
  } else {
    const integers = numbers.every((value) => Number.isInteger(value));
    task = integers && distinct.size <= AUTO_MAX_INTEGER_CLASSES ? "classification" : "regression";
    why = `auto: ${integers ? "whole" : "fractional"} numbers, ${distinct.size} distinct`;
  }
  const note = `task ${task} (${why})`;

  if (task === "regression") {
    if (!allNumbers) throw regressionError(column, keep, numbers, options);
    const values = Float64Array.from(numbers as number[]);
    return { task, classes: [], values, note, warnings: [] };
  }
  return encodeClasses(column, labels, distinct, allNumbers, options, note);
}

function encodeClasses(
  column: ColumnCells,
  labels: string[],
  distinct: Set<string>,
  numericOrder: boolean,
  options: TargetOptions,
  note: string,
): EncodedTarget {
  const classes = [...distinct].sort((a, b) => {
    if (!numericOrder) return compareCodeUnits(a, b);
    const byValue = (parseNumber(a, options) ?? 0) - (parseNumber(b, options) ?? 0);
    return byValue !== 0 ? byValue : compareCodeUnits(a, b);
  });
  const place = { file: column.file, column: column.name };

  if (classes.length < 2) {
    const shown = classes.map((label) => `'${visible(label)}'`).join(", ");
    throw new LrFindError(
      "data.target",
      `target '${column.name}' has ${classes.length} class (${shown}); ` +
        "classification needs at least 2",
      place,
      "check data.target and the rows kept after missing values are handled",
    );
  }
  if (classes.length > options.maxClasses) {
    throw new LrFindError(
      "data.target",
      `target '${column.name}' has ${classes.length} classes, more than data.max_classes ` +
        `(${options.maxClasses})`,
      place,
      numericOrder
        ? "if the target is a quantity, set data.task: regression; else raise data.max_classes"
        : "raise data.max_classes, or check that data.target is the label column",
    );
  }

  const index = new Map(classes.map((label, c) => [label, c]));
  const values = Float64Array.from(labels, (label) => index.get(label) ?? 0);
  const warnings = numericOrder ? sameValueWarnings(column.name, classes, options) : [];
  return { task: "classification", classes, values, note, warnings };
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

function mostlyNumeric(labels: string[], format: NumberFormat): boolean {
  const none = new Set<string>();
  const numeric = labels.filter((label) => cellKind(label, none, format) !== "text").length;
  return numeric > labels.length - numeric;
}

function firstBadNumber(
  column: ColumnCells,
  keep: Int32Array,
  numbers: (number | undefined)[],
  format: NumberFormat,
): LrFindError {
  const k = numbers.findIndex((value) => value === undefined);
  const bad = numbers.filter((value) => value === undefined).length;
  const error = badNumberError(column, keep[k], bad, format);
  if (cellKind(column.cells[keep[k]], new Set(), format) !== "text") return error;
  return new LrFindError(
    error.code,
    error.message,
    error.place,
    "if it marks a missing value, add it to data.na_values; if the target holds class " +
      "labels, set data.task: classification",
  );
}

function regressionError(
  column: ColumnCells,
  keep: Int32Array,
  numbers: (number | undefined)[],
  format: NumberFormat,
): LrFindError {
  const k = numbers.findIndex((value) => value === undefined);
  const cell = column.cells[keep[k]];
  if (cellKind(cell, new Set(), format) !== "text") {
    return firstBadNumber(column, keep, numbers, format);
  }
  const line = column.lines[keep[k]];
  return new LrFindError(
    "data.target",
    `${column.file}: line ${line}: target '${column.name}' holds text ('${visible(cell)}'); ` +
      "regression needs numbers",
    { file: column.file, line, column: column.name },
    "set data.task: classification if these are class labels",
  );
}
