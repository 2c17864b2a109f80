// Rows of the data file beside the rows of a separate target file, matched by position and
// read together, so neither file is held in memory. A target file that fails, or runs out
// first, is noted rather than thrown: the data file is read to its end either way, since
// its own errors come first, and both files are counted for the "rows differ" message.

import type { RowBatch } from "./table-reader.js";

/** Data rows, and the target-file rows at the same positions when they are there. */
export interface RowBlock {
  rows: string[][]; // (B, C) data cells
  lines: number[]; // (B,) physical line of each data row
  /** (B, C_t) and (B,), or null when there is no target file or it cannot be matched. */
  targetRows: string[][] | null;
  targetLines: number[] | null;
  /** Bytes of the data file read, for progress. */
  bytes: number;
}

/** Filled as the files are read. */
export interface AlignState {
  dataRows: number;
  targetRows: number;
  /** The target file's read failed with this (thrown once the data file is done). */
  targetError: unknown;
}

/** Read `data` with `target` (null: no target file); every target batch also goes to `seen`. */
export async function* alignRows(
  data: AsyncIterable<RowBatch>,
  target: AsyncIterable<RowBatch> | null,
  state: AlignState,
  seen: (batch: RowBatch) => void = () => undefined,
): AsyncGenerator<RowBlock> {
  if (target === null) {
    for await (const batch of data) {
      state.dataRows += batch.rows.length;
      yield { ...batch, targetRows: null, targetLines: null };
    }
    return;
  }

  const source = target[Symbol.asyncIterator]();
  const queue = new TargetQueue(source, state, seen);
  try {
    for await (const batch of data) {
      const n = batch.rows.length;
      state.dataRows += n;
      while (!queue.done && queue.length < n) await queue.pull();
      if (queue.length < n || queue.failed) {
        // the files cannot be matched: the data rows are still read and counted
        queue.mismatched = true;
        yield { ...batch, targetRows: null, targetLines: null };
        continue;
      }
      yield { ...batch, ...queue.take(n) };
    }
    while (!queue.done) await queue.pull();
  } finally {
    if (!queue.done) await source.return?.();
  }
}

/** Target-file rows read ahead of the data rows that will use them. */
class TargetQueue {
  rows: string[][] = [];
  lines: number[] = [];
  at = 0;
  done = false;
  failed = false;
  mismatched = false;

  constructor(
    private readonly source: AsyncIterator<RowBatch>,
    private readonly state: AlignState,
    private readonly seen: (batch: RowBatch) => void,
  ) {
    if (state.targetError !== null && state.targetError !== undefined) {
      this.done = true;
      this.failed = true;
    }
  }

  get length(): number {
    return this.mismatched ? 0 : this.rows.length - this.at;
  }

  async pull(): Promise<void> {
    try {
      const next = await this.source.next();
      if (next.done) {
        this.done = true;
        return;
      }
      this.state.targetRows += next.value.rows.length;
      this.seen(next.value);
      if (this.mismatched) return;
      if (this.at > 0) {
        this.rows = this.rows.slice(this.at);
        this.lines = this.lines.slice(this.at);
        this.at = 0;
      }
      for (const row of next.value.rows) this.rows.push(row);
      for (const line of next.value.lines) this.lines.push(line);
    } catch (error) {
      this.state.targetError = error;
      this.done = true;
      this.failed = true;
    }
  }

  take(n: number): { targetRows: string[][]; targetLines: number[] } {
    const rows = this.rows.slice(this.at, this.at + n);
    const lines = this.lines.slice(this.at, this.at + n);
    this.at += n;
    return { targetRows: rows, targetLines: lines };
  }
}
