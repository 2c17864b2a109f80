// Learning rates taken from a saved range-test result, for schedules and training.

import { LrFindError } from "../errors.js";
import { readJsonFile } from "./read-json.js";

/** The parts of a result JSON that later steps use. */
export interface SavedRates {
  file: string;
  suggestion: { lr: number; method: string } | null;
  range: { min: number; max: number } | null;
}

/** Read --from result.json; an unreadable file or one without rates is a clear error. */
export function readSavedRates(path: string): SavedRates {
  const { file, value } = readJsonFile(
    path,
    "result.invalid",
    "--from takes a result written with: lr-find SPEC --out result.json",
  );
  const parsed = (value ?? {}) as Partial<SavedRates>;
  return { file, suggestion: parsed.suggestion ?? null, range: parsed.range ?? null };
}

/**
 * Fill a schedule block's rates from a result: the range bounds cyclic (base_lr..max_lr) and
 * one-cycle (max_lr, div_factor = max/min, so it starts at min); other kinds start at the
 * suggestion.
 */
export function applyRates(block: Record<string, unknown>, rates: SavedRates): void {
  const kind = block.kind;
  if (kind === "cyclic" || kind === "one_cycle") {
    if (!rates.range) {
      throw new LrFindError(
        "result.invalid",
        `--from ${rates.file}: the result has no range`,
        { file: rates.file },
        "the range test derived no range; see its `reason` field",
      );
    }
    if (kind === "cyclic") block.base_lr = rates.range.min;
    else block.div_factor = rates.range.max / rates.range.min;
    block.max_lr = rates.range.max;
    return;
  }
  block.base_lr = suggestedLr(rates);
}

/** The suggestion of a saved result, or a clear error when it has none. */
export function suggestedLr(rates: SavedRates): number {
  if (!rates.suggestion) {
    throw new LrFindError(
      "result.invalid",
      `--from ${rates.file}: the result has no suggestion`,
      { file: rates.file },
      "the range test derived no suggestion; see its `reason` field",
    );
  }
  return rates.suggestion.lr;
}
