// The second pass: read the rows again and write each kept row's encoded values straight
// into its split's float32 block, gathering the training rows' statistics on the way.
// Every decision was made after the first pass; a file that reads differently this time
// was changed in between, and the load stops rather than mix two versions.

import { LrFindError } from "../errors.js";
import { alignRows, type AlignState } from "./align-rows.js";
import type { CellReading } from "./detect-header.js";
import { encodeCell } from "./encode.js";
import type { FeatureSlot } from "./features.js";
import type { FirstPass, PassFiles } from "./first-pass.js";
import { keepsRow, markerTest, type MissingPolicy } from "./missing.js";
import { numberReader, trimCell } from "./parse-cells.js";
import type { ProgressReporter } from "./progress.js";
import type { ColumnScale } from "./standardize.js";
import type { Split } from "./types.js";

/** What to write where. */
export interface FillPlan {
  slots: FeatureSlot[]; // (features,) in plan order
  width: number; // F, columns of x
  held: Uint8Array; // (N_kept,) 1 for a validation row
  train: Split;
  validation: Split | null;
  /** (N_kept,) class index per kept row, or null for regression. */
  classes: Int32Array | null;
  /** Regression: the training rows' target values, as they arrive. */
  targetScale: ColumnScale | null;
  standardize: boolean;
  standardizeTarget: boolean;
  policy: MissingPolicy;
}

/** Read the files again, filling `plan.train` and `plan.validation`. */
export async function secondPass(
  files: PassFiles,
  first: FirstPass,
  plan: FillPlan,
  reading: CellReading,
  progress: ProgressReporter,
): Promise<void> {
  const { slots, width, held, train, validation, classes, targetScale } = plan;
  const isMissing = markerTest(reading.missing);
  const readTarget = numberReader(reading);
  const sources = Int32Array.from(first.plan.features); // (features,) data column of each
  const t = first.plan.target;
  const separate = files.target !== null;
  const cells = new Array<string>(slots.length).fill(""); // the current row's used cells
  const gaps = new Uint8Array(slots.length);
  const changed = (): LrFindError => changedError(files.data.file);

  const state: AlignState = { dataRows: 0, targetRows: 0, targetError: null };
  const targetRows = files.target?.rows().batches ?? null;
  let kept = 0;
  let trainRow = 0;
  let validationRow = 0;
  let bytes = 0;
  for await (const block of alignRows(files.data.rows().batches, targetRows, state)) {
    const { rows, targetRows: targets } = block;
    if (separate && targets === null) throw changed();
    for (let b = 0; b < rows.length; b++) {
      const fields = rows[b];
      let gap = false;
      for (let f = 0; f < slots.length; f++) {
        const cell = trimCell(fields[sources[f]]);
        cells[f] = cell;
        const missing = isMissing(cell);
        gaps[f] = missing ? 1 : 0;
        if (missing) gap = true;
      }
      const targetCell = trimCell(separate ? targets![b][t] : fields[t]);
      const targetGap = isMissing(targetCell);
      if (!keepsRow(plan.policy, gap || targetGap, targetGap)) continue;

      const k = kept++;
      if (k >= held.length) throw changed();
      const training = held[k] === 0;
      const split = training ? train : validation!;
      const i = training ? trainRow++ : validationRow++;
      const x = split.x; // (N, F) row-major
      const base = i * width;
      for (let f = 0; f < slots.length; f++) {
        const slot = slots[f];
        const gap = gaps[f] === 1;
        // the number, NaN for a gap (filled after the pass); or the category, -1 for a gap
        const value = encodeCell(slot.feature, cells[f], gap);
        const at = base + slot.offset;
        if (slot.feature.kind === "numeric") {
          if (!gap && Number.isNaN(value)) throw changed();
          const scale = slot.scale!;
          if (training && !gap) scale.add(value);
          if (slot.width > 0) x[at] = plan.standardize && !gap ? scale.stored(value) : value;
        } else if (!gap) {
          if (value < 0) throw changed();
          if (training) slot.counts![value] += 1;
          if (slot.width > 0) x[at + value] = 1;
        }
      }

      if (classes !== null) {
        split.y[i] = classes[k];
      } else {
        const value = readTarget(targetCell);
        if (value === undefined) throw changed();
        if (training) targetScale!.add(value);
        split.y[i] = plan.standardizeTarget ? targetScale!.stored(value) : value;
      }
    }
    bytes = block.bytes;
    progress.update(2, state.dataRows, bytes);
  }
  if (kept !== held.length || state.dataRows !== first.data.rows) throw changed();
  progress.finish(2, state.dataRows, bytes);
}

function changedError(file: string): LrFindError {
  return new LrFindError(
    "data.file",
    `${file} changed while it was being read`,
    { file },
    "load it again once nothing is writing to it",
  );
}
