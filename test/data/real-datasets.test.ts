// The shipped real datasets load with the right shape, classes and handling of their quirks.

import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data/load-dataset.js";
import type { Dataset, Split } from "../../src/data/types.js";
import { configFor, featureColumn, fixture } from "./helpers.js";

/** Float32 features checked against float64 statistics. */
const TOLERANCE = 1e-5;

function load(name: string, data: Record<string, unknown> = {}, seed = 1): Promise<Dataset> {
  return loadDataset(configFor(fixture(name), data), seed);
}

function stats(values: number[]): { mean: number; std: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

function classCounts(split: Split, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of split.y) counts[label] += 1;
  return counts;
}

describe("iris.csv", () => {
  it("skips the scikit-learn metadata line and loads 150 rows, 4 features, 3 classes", async () => {
    const dataset = await load("iris.csv");
    expect(dataset.task).toBe("classification");
    expect(dataset.train.rows).toBe(150);
    expect(dataset.features).toBe(4);
    expect(dataset.classes).toEqual(["0", "1", "2"]);
    expect(dataset.info.header).toBe(false);
    expect(dataset.info.notes?.some((n) => n.includes("metadata"))).toBe(true);
    expect(classCounts(dataset.train, 3)).toEqual([50, 50, 50]);
  });

  it("standardizes with the population mean and std of all rows if none is held out", async () => {
    const dataset = await load("iris.csv");
    const means = dataset.info.columns.slice(0, 4).map((c) => c.mean ?? Number.NaN);
    const stds = dataset.info.columns.slice(0, 4).map((c) => c.std ?? Number.NaN);
    [5.843333, 3.057333, 3.758, 1.199333].forEach((m, k) => expect(means[k]).toBeCloseTo(m, 5));
    [0.825301, 0.434411, 1.759404, 0.759693].forEach((s, k) => expect(stds[k]).toBeCloseTo(s, 5));
  });

  it("standardizes with the population std of the training rows only", async () => {
    const dataset = await load("iris.csv", { validation: 0.3 }, 7);
    expect(dataset.validation?.rows).toBe(45);
    for (let k = 0; k < dataset.features; k++) {
      const train = stats(featureColumn(dataset, k));
      expect(Math.abs(train.mean)).toBeLessThan(TOLERANCE);
      expect(Math.abs(train.std - 1)).toBeLessThan(TOLERANCE);
    }
    const held = stats(featureColumn(dataset, 0, dataset.validation ?? dataset.train));
    expect(Math.abs(held.mean)).toBeGreaterThan(TOLERANCE);
  });

  it("gives the same split for the same seed and another for another seed", async () => {
    const spec = { validation: 0.2 };
    const [a, b, c] = await Promise.all([
      load("iris.csv", spec, 3),
      load("iris.csv", spec, 3),
      load("iris.csv", spec, 4),
    ]);
    expect(Array.from(a.validation?.x ?? [])).toEqual(Array.from(b.validation?.x ?? []));
    expect(Array.from(a.validation?.x ?? [])).not.toEqual(Array.from(c.validation?.x ?? []));
  });
});

describe("wine_data.csv", () => {
  it("skips a metadata line of another width and loads 178 rows, 13 features", async () => {
    const dataset = await load("wine_data.csv", { validation: 0.2 });
    expect(dataset.train.rows + (dataset.validation?.rows ?? 0)).toBe(178);
    expect(dataset.features).toBe(13);
    expect(dataset.classes).toEqual(["0", "1", "2"]);
  });

  it("holds out a stratified fifth of each class", async () => {
    const dataset = await load("wine_data.csv", { validation: 0.2 });
    const held = dataset.validation;
    expect(held?.rows).toBe(36);
    expect(held && classCounts(held, 3)).toEqual([12, 14, 10]);
  });
});

describe("penguins.csv", () => {
  it("stops on NA markers by default, naming the first", async () => {
    const outcome = await load("penguins.csv", { target: "species" }).catch((e: unknown) => e);
    expect(outcome).toMatchObject({
      code: "data.missing",
      place: { line: 5, column: "bill_length_mm" },
    });
  });

  it("with missing: drop keeps 333 rows, 3 species, island and sex one-hot", async () => {
    const dataset = await load("penguins.csv", { target: "species", missing: "drop" });
    expect(dataset.train.rows).toBe(333);
    expect(dataset.info.rowsDropped).toBe(11);
    expect(dataset.classes).toEqual(["Adelie", "Chinstrap", "Gentoo"]);
    expect(dataset.featureNames).toEqual([
      "island=Biscoe",
      "island=Dream",
      "island=Torgersen",
      "bill_length_mm",
      "bill_depth_mm",
      "flipper_length_mm",
      "body_mass_g",
      "sex=female",
      "sex=male",
      "year",
    ]);
    expect(dataset.info.columns.find((c) => c.name === "sex")).toMatchObject({
      kind: "categorical",
      missing: 11,
    });
  });

  it("with missing: mean keeps all 344 rows, filling text with its commonest value", async () => {
    const dataset = await load("penguins.csv", { target: "species", missing: "mean" });
    expect(dataset.train.rows).toBe(344);
    expect(dataset.train.x.every(Number.isFinite)).toBe(true);
    expect(dataset.info.warnings.some((w) => w.includes("'male'"))).toBe(true);
  });
});

describe("diabetes_data_raw.csv with diabetes_target.csv", () => {
  it("reads space-separated columns and a target from a second file", async () => {
    const dataset = await load("diabetes_data_raw.csv", {
      target_path: fixture("diabetes_target.csv"),
    });
    expect(dataset.task).toBe("regression");
    expect(dataset.train.rows).toBe(442);
    expect(dataset.features).toBe(10);
    expect(dataset.info.delimiter).toBe(" ");
    expect(dataset.targetName).toBe("diabetes_target");
    expect(dataset.info.targetMean).toBeCloseTo(152.133484, 5);
    expect(dataset.info.targetStd).toBeCloseTo(77.005746, 5);
    const y = stats(Array.from(dataset.train.y));
    expect(Math.abs(y.mean)).toBeLessThan(TOLERANCE);
    expect(Math.abs(y.std - 1)).toBeLessThan(TOLERANCE);
  });
});

describe("digits.csv.gz", () => {
  it("decompresses and drops the three all-zero pixel columns", async () => {
    const dataset = await load("digits.csv.gz");
    expect(dataset.train.rows).toBe(1797);
    expect(dataset.classes).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(dataset.features).toBe(61);
    expect(dataset.featureNames).not.toContain("col1");
    expect(dataset.info.warnings.some((w) => w.includes("col1, col33, col40"))).toBe(true);
  });
});

describe("california_housing_slice.csv", () => {
  it("fills empty cells with the training mean and one-hot encodes ocean_proximity", async () => {
    const dataset = await load("california_housing_slice.csv", {
      target: "median_house_value",
      missing: "mean",
      validation: 0.1,
    });
    expect(dataset.task).toBe("regression");
    expect(dataset.train.rows + (dataset.validation?.rows ?? 0)).toBe(318);
    expect(dataset.features).toBe(13);
    expect(dataset.featureNames).toContain("ocean_proximity=<1H OCEAN");
    expect(dataset.info.columns.find((c) => c.name === "total_bedrooms")?.missing).toBe(8);
    expect(dataset.info.targetMean).toBeGreaterThan(1e5);
  });
});
