import { describe, expect, it } from "vitest";
import {
  decideFeature,
  encodeCell,
  identifierWarning,
  MAX_CATEGORIES,
} from "../../src/data/encode.js";
import { FeatureStats } from "../../src/data/feature-stats.js";
import type { NumberFormat } from "../../src/data/parse-cells.js";
import { LrFindError } from "../../src/errors.js";

const DOT: NumberFormat = { decimal: ".", thousands: "none" };
const MARKERS = new Set(["", "NA", "?"]);

/** A column as the first pass sees it, lines starting at 2 under a header, then decided. */
function encode(cells: string[], forceCategorical = false) {
  const stats = new FeatureStats({ name: "c", file: "data.csv" }, DOT);
  cells.forEach((cell, i) => {
    if (MARKERS.has(cell)) stats.gaps += 1;
    else stats.add(cell, i, i + 2);
  });
  return decideFeature(stats, forceCategorical, DOT);
}

/** What the second pass writes for each cell of a decided column. */
function encoded(cells: string[]): number[] {
  const feature = encode(cells);
  return cells.map((cell) => encodeCell(feature, cell, MARKERS.has(cell)));
}

describe("encodeFeature", () => {
  it("reads a numeric column, with NaN only where a cell is missing", () => {
    const feature = encode(["1.5", "NA", "-2"]);
    expect(feature.kind).toBe("numeric");
    expect(encoded(["1.5", "NA", "-2"])).toEqual([1.5, NaN, -2]);
  });

  it("one-hot encodes text with categories sorted by code unit", () => {
    const feature = encode(["b", "a", "B", "", "a"]);
    expect(feature.kind).toBe("categorical");
    if (feature.kind === "categorical") {
      expect(feature.categories).toEqual(["B", "a", "b"]);
      expect(encoded(["b", "a", "B", "", "a"])).toEqual([2, 1, 0, -1, 1]);
    }
  });

  it("keeps a mostly numeric column numeric and stops at a text cell with its line", () => {
    const outcome = (() => {
      try {
        return encode(["1", "2", "3", "oops", "5"]);
      } catch (error) {
        return error;
      }
    })();
    expect(outcome).toBeInstanceOf(LrFindError);
    expect(outcome).toMatchObject({ code: "data.value", place: { line: 5, column: "c" } });
  });

  it("treats a column of codes with some numbers as categories", () => {
    expect(encode(["2271e4", "A17", "B02"]).kind).toBe("categorical");
  });

  it("one-hot encodes a numeric-looking column when data.categorical asks", () => {
    const feature = encode(["10", "2", "10"], true);
    expect(feature.kind === "categorical" && feature.categories).toEqual(["10", "2"]);
  });

  it("refuses to one-hot encode more than MAX_CATEGORIES values", () => {
    const cells = Array.from({ length: MAX_CATEGORIES + 1 }, (_, i) => `id-${i}`);
    expect(() => encode(cells)).toThrow(expect.objectContaining({ code: "data.column" }));
  });

  it("refuses a column with no values at all", () => {
    expect(() => encode(["", "NA"])).toThrow(LrFindError);
  });
});

describe("identifierWarning", () => {
  const ids = Array.from({ length: 30 }, (_, i) => String(1000 + i));

  it.each([
    ["whole numbers, all distinct", ids, true],
    ["text, all distinct", ids.map((id) => `user-${id}`), true],
    ["fractions, all distinct", ids.map((id) => `${id}.5`), false],
    ["few rows", ids.slice(0, 10), false],
    ["repeated values", ids.map((id) => String(Number(id) % 5)), false],
  ])("flags %s: %s", (_, cells, flagged) => {
    const warning = identifierWarning(encode(cells));
    expect(warning !== undefined).toBe(flagged);
    if (flagged) expect(warning).toContain("data.exclude");
  });
});
