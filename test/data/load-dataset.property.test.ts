// Whatever the text and the spec, loading ends in a well-formed Dataset or an LrFindError:
// never a crash, a NaN in the arrays, or "undefined" in a message.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data/load-dataset.js";
import { dataSchema } from "../../src/data/schema.js";
import type { Dataset } from "../../src/data/types.js";
import { LrFindError } from "../../src/errors.js";
import { useTempFiles, writeTemp } from "./helpers.js";

useTempFiles();

/** Runs per property: enough variety, and the whole file stays within about two seconds. */
const RUNS = 100;

const number = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String),
);
const junk = fc.oneof(
  fc.constantFrom("NA", "?", "", "a", "b", "x y", '"q"', '"a,b"', '"two\nlines"', '"un'),
  fc.constantFrom("1,5", "52,300", "0x1A", "Infinity", "1e400", "  7 ", "1_000", "\u00a0"),
  fc.string({ unit: fc.constantFrom("a", "1", ".", ",", ";", " ", "-", "e", '"'), maxLength: 4 }),
);
const cell = fc.oneof({ arbitrary: number, weight: 8 }, { arbitrary: junk, weight: 1 });

/** Mostly rectangular tables of mostly numbers, in any delimiter and line ending. */
const csvText = fc
  .record({
    width: fc.integer({ min: 2, max: 5 }),
    height: fc.integer({ min: 0, max: 9 }),
    delimiter: fc.constantFrom(",", ";", "\t", " ", "|"),
    newline: fc.constantFrom("\n", "\r\n", "\r"),
    header: fc.constantFrom(true, true, true, false),
    ragged: fc.constantFrom(false, false, false, true),
  })
  .chain((shape) => {
    const row = fc.array(cell, { minLength: shape.width, maxLength: shape.width });
    const extra = fc.array(cell, { minLength: 1, maxLength: 6 });
    const rows = fc.array(row, { minLength: shape.height, maxLength: shape.height });
    return fc.tuple(fc.constant(shape), rows, extra);
  })
  .map(([{ width, delimiter, newline, header, ragged }, rows, extra]) => {
    const lines = rows.map((row) => row.join(delimiter));
    if (ragged) lines.splice(lines.length >> 1, 0, extra.join(delimiter));
    if (header) lines.unshift(["a", "b", "c", "d", "y"].slice(0, width).join(delimiter));
    return lines.join(newline) + (rows.length % 2 === 0 ? newline : "");
  });

/** A well-formed file, then a few random edits to it. */
const mutatedText = fc
  .record({
    rows: fc.integer({ min: 1, max: 12 }),
    seed: fc.integer({ min: 0, max: 1000 }),
    edits: fc.array(
      fc.record({
        at: fc.nat(),
        remove: fc.integer({ min: 0, max: 3 }),
        insert: fc.constantFrom("", '"', ",", "\n", "\r", ";", "NA", "x", "\ufeff", "1e400"),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ rows, seed, edits }) => {
    const lines = ["a,b,c,y"];
    for (let r = 0; r < rows; r++) {
      lines.push(`${(r * seed) % 7},${(r + seed) % 3}.5,${["p", "q"][r % 2]},${(r + seed) % 2}`);
    }
    let text = `${lines.join("\n")}\n`;
    for (const { at, remove, insert } of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + insert + text.slice(i + remove);
    }
    return text;
  });

/** Well-formed tables of numbers, words and missing markers: these mostly load. */
const tidyText = fc
  .record({
    width: fc.integer({ min: 2, max: 6 }),
    height: fc.integer({ min: 1, max: 40 }),
  })
  .chain(({ width, height }) => {
    const value = fc.oneof(
      { arbitrary: number, weight: 12 },
      { arbitrary: fc.constantFrom("NA", "", "?"), weight: 1 },
    );
    const columnKind = fc.constantFrom("number", "number", "number", "word", "constant");
    return fc.tuple(
      fc.array(columnKind, { minLength: width, maxLength: width }),
      fc.array(fc.array(value, { minLength: width, maxLength: width }), {
        minLength: height,
        maxLength: height,
      }),
      fc.array(fc.constantFrom("red", "green", "blue"), { minLength: height, maxLength: height }),
    );
  })
  .map(([kinds, rows, words]) => {
    const header = kinds.map((kind, j) => `${kind}${j}`).join(",");
    const lines = rows.map((row, r) => {
      return row.map((cell, j) => {
        if (kinds[j] === "word") return words[r];
        return kinds[j] === "constant" ? "0.1" : cell;
      });
    });
    return `${header}\n${lines.map((line) => line.join(",")).join("\n")}\n`;
  });

/** Specs that mostly fit the files above, and sometimes do not. */
const reading = fc.record({
  header: fc.constantFrom("auto", "auto", true, false),
  delimiter: fc.constantFrom("auto", "auto", "auto", ",", ";"),
  task: fc.constantFrom("auto", "auto", "classification", "regression"),
  missing: fc.constantFrom("error", "drop", "mean"),
  decimal: fc.constantFrom(".", ".", ","),
  standardize: fc.boolean(),
  validation: fc.constantFrom(0, 0.3, 0.9),
  max_classes: fc.constantFrom(2, 50),
});
const columns = fc.record(
  {
    target: fc.constantFrom("y", "a", 0, 3),
    features: fc.constantFrom([0], ["a", "b"]),
    exclude: fc.constantFrom([1], ["c"]),
  },
  { requiredKeys: [] },
);
const spec = fc.oneof(
  { arbitrary: reading, weight: 2 },
  { arbitrary: fc.tuple(reading, columns).map(([a, b]) => ({ ...a, ...b })), weight: 1 },
);

async function outcome(text: string, data: Record<string, unknown>, seed: number) {
  const config = dataSchema.parse({ ...data, path: writeTemp(text) });
  return loadDataset(config, seed).catch((error: unknown) => error);
}

function checkDataset(dataset: Dataset): void {
  const splits = [dataset.train, ...(dataset.validation ? [dataset.validation] : [])];
  expect(dataset.featureNames).toHaveLength(dataset.features);
  for (const split of splits) {
    expect(split.rows).toBeGreaterThan(0);
    expect(split.x).toHaveLength(split.rows * dataset.features);
    expect(split.y).toHaveLength(split.rows);
    expect(split.x.every(Number.isFinite)).toBe(true);
    expect(split.y.every(Number.isFinite)).toBe(true);
    if (dataset.task === "classification") {
      expect(split.y.every((c) => Number.isInteger(c) && c < dataset.classes.length)).toBe(true);
    }
  }
  const text = [...dataset.info.warnings, ...(dataset.info.notes ?? [])].join("\n");
  expect(text).not.toMatch(/undefined|NaN/);
}

function checkOutcome(result: unknown): void {
  if (result instanceof LrFindError) {
    expect(`${result.message}\n${result.hint ?? ""}`).not.toMatch(/undefined|NaN|\n\s+at /);
    return;
  }
  if (result instanceof Error) throw result;
  checkDataset(result as Dataset);
}

describe("loadDataset on arbitrary input", () => {
  it("returns a Dataset or throws an LrFindError for random CSV texts and specs", async () => {
    await fc.assert(
      fc.asyncProperty(csvText, spec, fc.nat(), async (text, data, seed) => {
        checkOutcome(await outcome(text, data, seed));
      }),
      { numRuns: RUNS },
    );
  });

  it("returns a well-formed Dataset or an LrFindError for tidy tables", async () => {
    await fc.assert(
      fc.asyncProperty(tidyText, reading, fc.nat(), async (text, data, seed) => {
        checkOutcome(await outcome(text, { ...data, delimiter: "auto" }, seed));
      }),
      { numRuns: RUNS },
    );
  });

  it("returns a Dataset or throws an LrFindError for mutated well-formed files", async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText, spec, fc.nat(), async (text, data, seed) => {
        checkOutcome(await outcome(text, data, seed));
      }),
      { numRuns: RUNS },
    );
  });
});
