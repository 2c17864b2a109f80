// The two-pass, streaming load: the same Dataset whatever the chunk size, the same Dataset
// as the in-memory loader it replaced, errors at the same line, and progress as it reads.

import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data/load-dataset.js";
import type { Dataset, LoadOptions, LoadProgress, Split } from "../../src/data/types.js";
import { LrFindError } from "../../src/errors.js";
import { configFor, fixture, useTempFiles, writeTemp } from "./helpers.js";

useTempFiles();

/** Read sizes that put chunk boundaries inside fields, quotes and multi-byte characters. */
const CHUNKS = [64 * 1024, 1000, 251];

/** Float32 features against float64 sums: per value, a few float32 roundings. */
const TOLERANCE = 1e-6;

function load(
  path: string,
  data: Record<string, unknown> = {},
  options: LoadOptions = {},
  seed = 1,
): Promise<Dataset> {
  return loadDataset(configFor(path, data), seed, options);
}

async function loadError(
  path: string,
  data: Record<string, unknown>,
  options: LoadOptions = {},
): Promise<LrFindError> {
  const outcome = await load(path, data, options).catch((error: unknown) => error);
  expect(outcome).toBeInstanceOf(LrFindError);
  return outcome as LrFindError;
}

const FIXTURES: [string, Record<string, unknown>][] = [
  ["iris.csv", { validation: 0.2 }],
  ["penguins.csv", { target: "species", missing: "drop", validation: 0.25 }],
  [
    "california_housing_slice.csv",
    { target: "median_house_value", missing: "mean", validation: 0.1 },
  ],
  ["digits.csv.gz", { validation: 0.1 }],
  ["diabetes_data_raw.csv", { target_path: fixture("diabetes_target.csv"), validation: 0.2 }],
];

/** The bytes of a float32 block, to compare bit for bit (toEqual is slow on big arrays). */
function bits(values: Float32Array | undefined): Buffer {
  if (values === undefined) return Buffer.alloc(0);
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/** Two Datasets, equal bit for bit. */
function expectSame(actual: Dataset, expected: Dataset): void {
  const blocks = (d: Dataset) => [d.train.x, d.train.y, d.validation?.x, d.validation?.y];
  blocks(actual).forEach((block, k) =>
    expect(bits(block).equals(bits(blocks(expected)[k]))).toBe(true),
  );
  const rest = (d: Dataset) => ({ ...d, train: d.train.rows, validation: d.validation?.rows });
  expect(rest(actual)).toEqual(rest(expected));
}

describe("reading in chunks", () => {
  it.each(FIXTURES)("gives the same Dataset for %s, whatever the chunks", async (name, data) => {
    const [first, ...others] = await Promise.all(
      CHUNKS.map((chunkBytes) => load(fixture(name), data, { chunkBytes })),
    );
    for (const other of others) expectSame(other, first);
  });
});

interface BlockSummary {
  rows: number;
  sum: number[];
  squares: number[];
  first: number[];
  last: number[];
  ySum: number;
  ySquares: number;
  yFirst: number[];
}

interface Golden {
  spec: Record<string, unknown>;
  seed: number;
  task: string;
  featureNames: string[];
  targetName: string;
  classes: string[];
  info: Record<string, unknown>;
  train: BlockSummary;
  validation: BlockSummary | null;
}

/** test/fixtures/in-memory-datasets.json: what the loader before streaming made of them. */
const GOLDEN = JSON.parse(readFileSync(fixture("in-memory-datasets.json"), "utf8")) as Record<
  string,
  Golden
>;

/** The largest difference between two lists, relative to max(1, |expected|). */
function largestDifference(actual: number[], expected: number[]): number {
  expect(actual).toHaveLength(expected.length);
  return Math.max(
    0,
    ...actual.map((value, i) => {
      return Math.abs(value - expected[i]) / Math.max(1, Math.abs(expected[i]));
    }),
  );
}

function checkBlock(split: Split, features: number, golden: BlockSummary): void {
  expect(split.rows).toBe(golden.rows);
  const sum = new Array<number>(features).fill(0);
  const squares = new Array<number>(features).fill(0);
  for (let r = 0; r < split.rows; r++) {
    for (let k = 0; k < features; k++) {
      const value = split.x[r * features + k];
      sum[k] += value;
      squares[k] += value * value;
    }
  }
  const last = (split.rows - 1) * features;
  const y = Array.from(split.y);
  const worst = Math.max(
    // sums of standardized columns are near 0: compare them per row
    largestDifference(
      sum.map((s) => s / split.rows),
      golden.sum.map((s) => s / split.rows),
    ),
    largestDifference(
      squares.map((s) => s / split.rows),
      golden.squares.map((s) => s / split.rows),
    ),
    largestDifference(Array.from(split.x.subarray(0, features)), golden.first),
    largestDifference(Array.from(split.x.subarray(last)), golden.last),
    largestDifference([y.reduce((s, v) => s + v, 0) / split.rows], [golden.ySum / split.rows]),
    largestDifference(
      [y.reduce((s, v) => s + v * v, 0) / split.rows],
      [golden.ySquares / split.rows],
    ),
    largestDifference(y.slice(0, 20), golden.yFirst),
  );
  expect(worst, `largest relative difference ${worst}`).toBeLessThanOrEqual(TOLERANCE);
}

/** mean and std of every column, then the target's, in order (NaN where there is none). */
function scales(info: Dataset["info"] | Golden["info"]): number[] {
  const { columns, targetMean, targetStd } = info as Dataset["info"];
  const values = columns.flatMap((c) => [c.mean ?? Number.NaN, c.std ?? Number.NaN]);
  return [...values, targetMean ?? Number.NaN, targetStd ?? Number.NaN];
}

function withoutScales(info: Dataset["info"] | Golden["info"]): unknown {
  const { columns, targetMean: _m, targetStd: _s, ...rest } = info as Dataset["info"];
  return { ...rest, columns: columns.map(({ mean: _, std: __, ...column }) => column) };
}

describe("the in-memory loader it replaced", () => {
  it.each(Object.keys(GOLDEN))("made the same Dataset of %s", async (name) => {
    const golden = GOLDEN[name];
    const dataset = await load(fixture(name), golden.spec, { chunkBytes: 1000 }, golden.seed);
    expect(dataset.task).toBe(golden.task);
    expect(dataset.featureNames).toEqual(golden.featureNames);
    expect(dataset.targetName).toBe(golden.targetName);
    expect(dataset.classes).toEqual(golden.classes);
    const { file: _, ...info } = dataset.info;
    expect(withoutScales(info)).toEqual(withoutScales(golden.info));
    const [actual, expected] = [scales(dataset.info), scales(golden.info)];
    expect(actual.map(Number.isNaN)).toEqual(expected.map(Number.isNaN));
    const finite = (values: number[]) => values.filter((v) => !Number.isNaN(v));
    const worst = largestDifference(finite(actual), finite(expected));
    expect(worst, `largest relative difference ${worst}`).toBeLessThanOrEqual(TOLERANCE);
    checkBlock(dataset.train, dataset.features, golden.train);
    if (golden.validation === null) expect(dataset.validation).toBeNull();
    else checkBlock(dataset.validation!, dataset.features, golden.validation);
  });
});

/** n rows "i,i%7,i%2" under a header "a,b,y". */
function rows(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${i},${i % 7},${i % 2}`);
}

describe("errors found while streaming", () => {
  const many = rows(3000);
  const quoted = Array.from({ length: 3000 }, (_, i) => `${i},"n${i}",${i % 2}`);
  it.each([
    [
      "a bad number deep in the file",
      `a,b,y\n${many.join("\n")}\n1.5x,2,0\n`,
      {},
      "data.value",
      3002,
      "a",
    ],
    ["a missing marker", `a,b,y\n${many.join("\n")}\n1,?,0\n`, {}, "data.missing", 3002, "b"],
    ["a ragged row", `a,b,y\n${many.join("\n")}\n1,2\n`, {}, "data.parse", 3002, undefined],
    [
      "a quote left open across chunks",
      `a,note,y\n${quoted.join("\n")}\n7,"open\n${"more\n".repeat(500)}`,
      {},
      "data.parse",
      3002,
      "note",
    ],
    [
      "text after a closing quote",
      `a,note,y\n${quoted.join("\n")}\n7,"shut"x,1\n`,
      {},
      "data.parse",
      3002,
      "note",
    ],
    [
      "a bad number after a line break inside quotes",
      `a,note,y\n1,"two\nlines",0\n${quoted.slice(1).join("\n")}\n1e,"x",1\n`,
      { features: ["a"] },
      "data.value",
      3003,
      "a",
    ],
    [
      "text in a regression target",
      `a,b,y\n${many.join("\n")}\n1,2,abc\n`,
      { task: "regression" },
      "data.target",
      3002,
      "y",
    ],
  ])("names the line of %s, whatever the chunks", async (_, text, data, code, line, column) => {
    const path = writeTemp(text);
    for (const chunkBytes of CHUNKS) {
      const error = await loadError(path, data, { chunkBytes });
      const place = column === undefined ? { line } : { line, column };
      expect(error, `chunks of ${chunkBytes}`).toMatchObject({ code, place });
    }
  });

  it("names the target file's line for a bad target there", async () => {
    const target = writeTemp(
      `y\n${rows(2000)
        .map((_, i) => i / 4)
        .join("\n")}\n1_000\n`,
    );
    const data = writeTemp(
      `a,b\n${rows(2001)
        .map((row) => row.slice(0, -2))
        .join("\n")}\n`,
    );
    for (const chunkBytes of CHUNKS) {
      const error = await loadError(data, { target_path: target }, { chunkBytes });
      expect(error).toMatchObject({ code: "data.value", place: { file: target, line: 2002 } });
    }
  });

  it("refuses a target file with fewer rows, counting both files to the end", async () => {
    const target = writeTemp(
      `y\n${rows(1500)
        .map((_, i) => i % 2)
        .join("\n")}\n`,
    );
    const data = writeTemp(
      `a,b\n${rows(2000)
        .map((row) => row.slice(0, -2))
        .join("\n")}\n`,
    );
    const error = await loadError(data, { target_path: target }, { chunkBytes: 1000 });
    expect(error).toMatchObject({ code: "data.target", place: { path: "data.target_path" } });
    expect(error.message).toContain("1500 rows");
    expect(error.message).toContain("2000");
  });

  it("stops with data.file when the file changes between the two passes", async () => {
    const text = `a,b,y\n${rows(50).join("\n")}\n`;
    for (const changed of [text.replace("\n7,0,1\n", "\n7,zero,1\n"), `${text}1,2,0\n`]) {
      const path = writeTemp(text);
      const onProgress = (info: LoadProgress) => {
        if (info.pass === 1 && info.rows === 50) writeFileSync(path, changed);
      };
      const error = await loadError(path, {}, { onProgress });
      expect(error.code).toBe("data.file");
      expect(error.message).toContain("changed while it was being read");
    }
  });
});

describe("an unnamed last column", () => {
  it("is named when a later row fills it, though the first row left it empty", async () => {
    const filled = Array.from({ length: 30 }, (_, i) => `${i % 5},${i % 2},${i}`);
    const text = `x,y,\n1,0,\n${filled.join("\n")}\n`;
    for (const chunkBytes of CHUNKS) {
      const dataset = await load(
        writeTemp(text),
        { target: "y", exclude: ["col3"] },
        { chunkBytes },
      );
      expect(dataset.info.columns.map((c) => c.name)).toEqual(["x", "y", "col3"]);
      expect(dataset.info.columns[2]).toMatchObject({ kind: "excluded", missing: 1 });
      expect(dataset.info.warnings).toContain("column 3 has no name; called col3");
    }
  });
});

describe("progress", () => {
  async function progressOf(path: string): Promise<{ calls: LoadProgress[]; at: number[] }> {
    const calls: LoadProgress[] = [];
    const at: number[] = [];
    const onProgress = (info: LoadProgress) => {
      calls.push(info);
      at.push(performance.now());
    };
    await load(path, {}, { onProgress, chunkBytes: 4096 });
    return { calls, at };
  }

  it("reports both passes in order, each ending with every row and byte", async () => {
    const text = `a,b,y\n${rows(20000).join("\n")}\n`;
    const path = writeTemp(text);
    const { calls } = await progressOf(path);
    const passes = calls.map((c) => c.pass);
    expect(passes).toEqual([...passes].sort());
    for (const pass of [1, 2] as const) {
      const last = calls.filter((c) => c.pass === pass).at(-1);
      expect(last).toEqual({ pass, rows: 20000, bytes: text.length, totalBytes: text.length });
    }
  });

  it("is called at most every 250 ms within a pass, besides its end", async () => {
    const path = writeTemp(`a,b,y\n${rows(60000).join("\n")}\n`);
    const { calls, at } = await progressOf(path);
    for (let i = 1; i < calls.length; i++) {
      const lastOfPass = i === calls.length - 1 || calls[i + 1].pass !== calls[i].pass;
      if (calls[i].pass === calls[i - 1].pass && !lastOfPass) {
        expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(240);
      }
    }
  });

  it("counts compressed bytes for a gzip file", async () => {
    const bytes = gzipSync(`a,b,y\n${rows(5000).join("\n")}\n`);
    const { calls } = await progressOf(writeTemp(bytes, "data.csv.gz"));
    expect(calls.at(-1)).toMatchObject({ bytes: bytes.length, totalBytes: bytes.length });
  });
});
