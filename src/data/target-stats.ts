// What the first pass learns about the target from its kept cells: whether they read as
// numbers, whole or not, the first that does not, and its labels, each kept row noted by
// the label it has so the split can stratify before the second pass.

import type { CellPlace, ColumnSource } from "./feature-stats.js";
import { ValueSample } from "./value-sample.js";
import { looksNumeric, numberReader, type NumberFormat } from "./parse-cells.js";

/** Labels counted exactly before a target is taken to have "more than" this many. */
export const MIN_LABEL_CAP = 1000;

/** Counts and labels of the target over the kept rows. */
export class TargetStats {
  readonly column: ColumnSource;
  /** Kept rows: every one has a target cell. */
  rows = 0;
  /** Cells that are not plain numbers; the first of them; cells that are or look numeric. */
  unparsed = 0;
  firstUnparsed: CellPlace | null = null;
  numeric = 0;
  integers = true;
  /** Distinct labels in the order first seen; null once there are more than `cap`. */
  labels: Map<string, number> | null = new Map();
  readonly cap: number;
  /** Range and a sample of the numbers, to choose how they are held in float32. */
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  readonly sample = new ValueSample();
  /** (N_kept,) the label of each kept row, as its position in `labels`; grows as rows come. */
  private ids: Uint16Array | Int32Array;
  private readonly read: (cell: string) => number | undefined;

  /** Labels are counted up to `cap`, at least MIN_LABEL_CAP. */
  constructor(column: ColumnSource, format: NumberFormat, cap: number) {
    this.column = column;
    this.read = numberReader(format);
    this.cap = Math.max(cap, MIN_LABEL_CAP);
    this.ids = this.cap < 0xffff ? new Uint16Array(1024) : new Int32Array(1024);
  }

  /** The trimmed target cell of the next kept row. */
  add(cell: string, row: number, line: number): void {
    const k = this.rows;
    this.rows += 1;
    const value = this.read(cell);
    if (value === undefined) {
      this.unparsed += 1;
      this.firstUnparsed ??= { row, line, cell };
      if (looksNumeric(cell)) this.numeric += 1;
    } else {
      this.numeric += 1;
      this.sample.add(value);
      if (value < this.min) this.min = value;
      if (value > this.max) this.max = value;
      if (this.integers && !Number.isInteger(value)) this.integers = false;
    }

    const labels = this.labels;
    if (labels === null) return;
    let id = labels.get(cell);
    if (id === undefined) {
      id = labels.size;
      if (id >= this.cap) {
        // too many labels to be classes: stop noting them
        this.labels = null;
        this.ids = new Uint16Array(0);
        return;
      }
      labels.set(cell, id);
    }
    if (k === this.ids.length) this.grow();
    this.ids[k] = id;
  }

  /** (N_kept,) the label of each kept row, as its position in `labels`. */
  labelIds(): Uint16Array | Int32Array {
    return this.ids.subarray(0, this.rows);
  }

  private grow(): void {
    const size = Math.ceil(this.ids.length * 1.5);
    const bigger = this.ids instanceof Uint16Array ? new Uint16Array(size) : new Int32Array(size);
    bigger.set(this.ids);
    this.ids = bigger;
  }
}
