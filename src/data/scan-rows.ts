// The first pass's work on each row: count missing cells in every column, apply the
// missing-value policy, and add the kept cells of the used columns to their statistics.
// Nothing of a row outlives it but the target's label index.

import type { RowBlock } from "./align-rows.js";
import type { ColumnPlan, NamedColumns } from "./columns.js";
import { FeatureStats } from "./feature-stats.js";
import {
  keepsRow,
  LISTED_POSITIONS,
  markerTest,
  type GapPosition,
  type GapSummary,
  type MissingPolicy,
} from "./missing.js";
import { trimCell, type NumberFormat } from "./parse-cells.js";
import { TargetStats } from "./target-stats.js";

export interface ScanSettings {
  data: NamedColumns;
  /** The target file's columns, or null when the target is a column of the data. */
  target: NamedColumns | null;
  plan: ColumnPlan;
  markers: ReadonlySet<string>;
  format: NumberFormat;
  policy: MissingPolicy;
  maxClasses: number;
}

/** Statistics of the used columns over the kept rows, built row by row. */
export class RowScanner {
  /** (C,) missing cells per data column, over all rows. */
  readonly missing: Int32Array;
  /** Missing target cells, when the target is in its own file. */
  targetMissing = 0;
  readonly features: FeatureStats[]; // in plan order
  readonly target: TargetStats;
  readonly positions: GapPosition[] = [];
  rows = 0;
  kept = 0;
  private readonly settings: ScanSettings;
  private readonly sources: Int32Array; // (F,) data column of each feature
  private readonly cells: string[]; // (C,) the current row, trimmed
  private readonly flags: Uint8Array; // (C,) 1 where the current row's cell is missing
  private readonly isMissing: (cell: string) => boolean;
  /** `missing: error` has met a gap: statistics no longer matter, only the counts. */
  private failing = false;

  constructor(settings: ScanSettings) {
    this.settings = settings;
    this.isMissing = markerTest(settings.markers);
    const { data, plan, format } = settings;
    const targets = settings.target ?? data;
    this.missing = new Int32Array(data.names.length);
    this.sources = Int32Array.from(plan.features);
    this.cells = new Array<string>(data.names.length).fill("");
    this.flags = new Uint8Array(data.names.length);
    this.features = plan.features.map((j) => {
      return new FeatureStats({ name: data.names[j], file: data.file }, format);
    });
    const targetColumn = { name: targets.names[plan.target], file: targets.file };
    this.target = new TargetStats(targetColumn, format, settings.maxClasses);
  }

  /** The rows of a block, in file order; target-file rows must be there if there is one. */
  scan(block: RowBlock): void {
    const { policy, target: separate } = this.settings;
    const isMissing = this.isMissing;
    const { rows, lines, targetRows, targetLines } = block;
    const { missing, cells, flags, sources, features } = this;
    const width = cells.length;
    const t = this.settings.plan.target;

    for (let b = 0; b < rows.length; b++) {
      const row = this.rows++;
      const fields = rows[b];
      for (let j = 0; j < width; j++) {
        const cell = trimCell(fields[j]);
        cells[j] = cell;
        const gap = isMissing(cell) ? 1 : 0;
        flags[j] = gap;
        missing[j] += gap;
      }
      let targetCell: string;
      let targetGap: boolean;
      let targetLine: number;
      if (separate !== null) {
        targetCell = trimCell(targetRows![b][t]);
        targetGap = isMissing(targetCell);
        if (targetGap) this.targetMissing += 1;
        targetLine = targetLines![b];
      } else {
        targetCell = cells[t];
        targetGap = flags[t] === 1;
        targetLine = lines[b];
      }

      let gap = targetGap;
      for (let f = 0; f < sources.length && !gap; f++) gap = flags[sources[f]] === 1;
      if (gap && this.positions.length < LISTED_POSITIONS) {
        this.notePositions(lines[b], targetCell, targetGap, targetLine);
      }
      if (!keepsRow(policy, gap, targetGap)) continue;
      if (gap && policy === "error") this.failing = true;
      if (this.failing) continue;

      this.kept += 1;
      for (let f = 0; f < sources.length; f++) {
        const j = sources[f];
        if (flags[j] === 1) features[f].gaps += 1;
        else features[f].add(cells[j], row, lines[b]);
      }
      this.target.add(targetCell, row, targetLine);
    }
  }

  /** Gaps in the used columns: features in order, then the target. */
  gaps(): GapSummary {
    const { plan } = this.settings;
    const columns = plan.features.map((j, f) => {
      return { ...this.features[f].column, missing: this.missing[j] };
    });
    const targetMissing =
      this.settings.target === null ? this.missing[plan.target] : this.targetMissing;
    columns.push({ ...this.target.column, missing: targetMissing });
    return { columns, positions: this.positions, rows: this.rows, kept: this.kept };
  }

  /** The current row's gaps, in column order, until LISTED_POSITIONS are noted. */
  private notePositions(
    line: number,
    targetCell: string,
    targetGap: boolean,
    targetLine: number,
  ): void {
    const { cells, flags, sources, positions } = this;
    const { file, names } = this.settings.data;
    for (let f = 0; f < sources.length && positions.length < LISTED_POSITIONS; f++) {
      const j = sources[f];
      if (flags[j] === 1) positions.push({ file, line, column: names[j], cell: cells[j] });
    }
    if (targetGap && positions.length < LISTED_POSITIONS) {
      const { name, file } = this.target.column;
      positions.push({ file, line: targetLine, column: name, cell: targetCell });
    }
  }
}
