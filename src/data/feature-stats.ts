// What the first pass learns about one feature column from its kept cells, without keeping
// them: how many read as numbers, look like numbers or are text, the first cell that is
// not a number, its categories (up to the one-hot cap), a summary of its numbers, and
// how many distinct values it has.

import { DistinctCounter } from "./distinct.js";
import { MAX_CATEGORIES } from "./encode.js";
import { ValueSample } from "./value-sample.js";
import { looksNumeric, numberReader, type CellKind, type NumberFormat } from "./parse-cells.js";

/** A cell an error can point at: its data row (0-based), physical line and text. */
export interface CellPlace {
  row: number;
  line: number;
  cell: string;
}

/** Where a column comes from, for messages. */
export interface ColumnSource {
  name: string;
  file: string;
}

/** Counts and summaries of one feature column over the kept rows. */
export class FeatureStats {
  readonly column: ColumnSource;
  /** Cells by kind: plain numbers, number-like but refused ("1,5"), and text. */
  numbers = 0;
  numberLike = 0;
  text = 0;
  /** Kept rows whose cell is missing (only `missing: mean` keeps those). */
  gaps = 0;
  /** Every number is whole (for the identifier check). */
  integers = true;
  firstBad: CellPlace | null = null;
  /**
   * Distinct cells (sorted later) with the kind of each not read as a number, so repeated
   * text is classified once; null once there are more than MAX_CATEGORIES.
   */
  categories: Map<string, Exclude<CellKind, "missing">> | null = new Map();
  /** Range and a sample of the numbers, to choose how they are held in float32. */
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  readonly sample = new ValueSample();
  readonly distinct = new DistinctCounter();
  private readonly read: (cell: string) => number | undefined;

  constructor(column: ColumnSource, format: NumberFormat) {
    this.column = column;
    this.read = numberReader(format);
  }

  /** A trimmed cell of a kept row that is not missing. */
  add(cell: string, row: number, line: number): void {
    const value = this.read(cell);
    const categories = this.categories;
    let kind = categories?.get(cell);
    if (kind === undefined) {
      kind = value !== undefined ? "number" : looksNumeric(cell) ? "number-like" : "text";
      if (categories !== null) {
        categories.set(cell, kind);
        if (categories.size > MAX_CATEGORIES) this.categories = null;
      }
    }

    if (value === undefined) {
      this.firstBad ??= { row, line, cell };
      if (kind === "number-like") this.numberLike += 1;
      else this.text += 1;
      return;
    }
    this.numbers += 1;
    this.sample.add(value);
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (this.integers) {
      if (Number.isInteger(value)) this.distinct.add(value);
      else this.integers = false;
    }
  }

  /** Cells that are not missing, whatever they hold. */
  get present(): number {
    return this.numbers + this.numberLike + this.text;
  }
}
