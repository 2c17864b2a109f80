// Is the first line names or data? And is it scikit-learn's metadata line, which is neither?

import { cellKind, parseNumber, trimCell, type NumberFormat } from "./parse-cells.js";
import type { SampleRecord } from "./sample-records.js";

/** scikit-learn's bundled CSVs start with `n_samples,n_features[,class names...]`. */
export interface SklearnMetadata {
  line: number;
  samples: number;
  features: number;
  classNames: string[];
}

export interface CellReading extends NumberFormat {
  missing: ReadonlySet<string>;
}

export interface HeaderGuess {
  header: boolean;
  /** True when no column was numeric, so the answer rests on a weaker rule. */
  guessed: boolean;
}

/**
 * A metadata line has two counts, the second one less than the data width, and either a
 * different width from the data or text where the data below has numbers (iris: 5 fields).
 */
export function detectMetadata(
  records: SampleRecord[],
  reading: CellReading,
): SklearnMetadata | null {
  if (records.length < 2) return null;
  const [first, second] = records;
  const fields = first.fields.map(trimCell);
  const [samples, features, ...classNames] = fields;
  const width = second.fields.length;

  if (!isCount(samples) || !isCount(features) || Number(features) !== width - 1) return null;
  if (Number(samples) + 1 < records.length - 1) return null;
  if (classNames.some((name) => name === "" || parseNumber(name, reading) !== undefined)) {
    return null;
  }
  const textOverNumbers = classNames.some((_, k) => {
    const below = trimCell(second.fields[k + 2] ?? "");
    return cellKind(below, reading.missing, reading) === "number";
  });
  if (first.fields.length === width && !textOverNumbers) return null;

  return { line: first.line, samples: Number(samples), features: Number(features), classNames };
}

/**
 * A first line with text over a column of numbers is a header; one with no text is data.
 * Without a numeric column to compare, it is a header if none of its values repeats below.
 */
export function detectHeader(records: SampleRecord[], reading: CellReading): HeaderGuess {
  if (records.length === 0) return { header: false, guessed: false };
  const [first, ...rest] = records;
  const kind = (cell: string | undefined) =>
    cellKind(trimCell(cell ?? ""), reading.missing, reading);
  const firstKinds = first.fields.map((cell) => kind(cell));

  const textOverNumbers = firstKinds.some((firstKind, j) => {
    if (firstKind !== "text") return false;
    const below = rest.map((record) => kind(record.fields[j])).filter((k) => k !== "missing");
    return below.length > 0 && below.every((k) => k === "number" || k === "number-like");
  });
  if (textOverNumbers) return { header: true, guessed: false };
  if (!firstKinds.includes("text")) return { header: false, guessed: false };
  if (rest.length === 0) return { header: true, guessed: false };

  const repeats = first.fields.some((cell, j) => {
    return cell !== "" && rest.some((record) => record.fields[j] === cell);
  });
  return { header: !repeats, guessed: true };
}

function isCount(text: string | undefined): boolean {
  return text !== undefined && /^[1-9]\d*$/.test(text);
}
