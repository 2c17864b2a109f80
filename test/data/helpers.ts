// Shared by the data tests: write an input to a temporary file, load it, catch the error.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect } from "vitest";
import { LrFindError } from "../../src/errors.js";
import { loadDataset } from "../../src/data/load-dataset.js";
import { dataSchema, type DataConfig } from "../../src/data/schema.js";
import type { Dataset } from "../../src/data/types.js";

/** Absolute path of a file in test/fixtures. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

let folder: string | undefined;
let counter = 0;

/** Call once per test file: a temporary folder removed after its tests. */
export function useTempFiles(): void {
  folder = mkdtempSync(join(tmpdir(), "lr-find-data-"));
  const made = folder;
  afterAll(() => rmSync(made, { recursive: true, force: true }));
}

/** Write text or bytes to a new temporary file and return its path. */
export function writeTemp(content: string | Uint8Array, name = "data.csv"): string {
  if (folder === undefined) throw new Error("call useTempFiles() first");
  counter += 1;
  const path = join(folder, `${counter}-${name}`);
  writeFileSync(path, content);
  return path;
}

/** A full config, defaults filled by the schema, for the file at `path`. */
export function configFor(path: string, data: Record<string, unknown> = {}): DataConfig {
  return dataSchema.parse({ path, ...data });
}

/** Load `content` written to a temporary file. */
export function loadText(
  content: string | Uint8Array,
  data: Record<string, unknown> = {},
  seed = 1,
): Promise<Dataset> {
  return loadDataset(configFor(writeTemp(content), data), seed);
}

/** The LrFindError that loading `content` throws; fails the test if it loads. */
export async function loadError(
  content: string | Uint8Array,
  data: Record<string, unknown> = {},
): Promise<LrFindError> {
  const outcome = await loadText(content, data).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(LrFindError);
  return outcome as LrFindError;
}

/** Column `k` of a split's row-major x, as plain numbers. */
export function featureColumn(dataset: Dataset, k: number, split = dataset.train): number[] {
  const f = dataset.features;
  return Array.from({ length: split.rows }, (_, r) => split.x[r * f + k]);
}

/** Column `name` of the training split. */
export function featureByName(dataset: Dataset, name: string): number[] {
  const k = dataset.featureNames.indexOf(name);
  expect(k, `feature ${name}`).toBeGreaterThanOrEqual(0);
  return featureColumn(dataset, k);
}
