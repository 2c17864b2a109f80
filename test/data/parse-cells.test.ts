import { describe, expect, it } from "vitest";
import {
  cellKind,
  describeBadNumber,
  parseNumber,
  trimCell,
  type NumberFormat,
} from "../../src/data/parse-cells.js";

const DOT: NumberFormat = { decimal: ".", thousands: "none" };
const COMMA_DECIMAL: NumberFormat = { decimal: ",", thousands: "none" };
const COMMA_GROUPS: NumberFormat = { decimal: ".", thousands: "," };
const EUROPEAN: NumberFormat = { decimal: ",", thousands: "." };
const SWISS: NumberFormat = { decimal: ".", thousands: "'" };

describe("parseNumber", () => {
  it.each([
    ["0", 0],
    ["-0.25", -0.25],
    ["+1.50E-03", 1.5e-3],
    ["1e-3", 1e-3],
    ["2.5E+02", 250],
    [".5", 0.5],
    ["5.", 5],
    ["2271e4", 22710000],
    ["1.510000000000000000e+02", 151],
    ["1e-400", 0],
  ])("reads the decimal literal %s", (cell, value) => {
    expect(parseNumber(cell, DOT)).toBe(value);
  });

  it.each([
    "",
    " ",
    "0x1A",
    "0b101",
    "Infinity",
    "-inf",
    "NaN",
    "1_000",
    "1e400",
    "-1e309",
    "52,300",
    "21,5",
    "1.2.3",
    "e5",
    ".",
    "+",
    "1e",
    "--1",
    "12%",
    "$5",
    "1 000",
    "A17",
    "2021-03-04",
    "1,5e3",
  ])("refuses %j", (cell) => {
    expect(parseNumber(cell, DOT)).toBeUndefined();
  });

  it.each([
    [COMMA_DECIMAL, "21,5", 21.5],
    [COMMA_DECIMAL, "-,5", -0.5],
    [COMMA_GROUPS, "52,300", 52300],
    [COMMA_GROUPS, "1,234,567.5", 1234567.5],
    [COMMA_GROUPS, "999", 999],
    [EUROPEAN, "1.234,5", 1234.5],
    [SWISS, "1'000'000", 1000000],
  ])("reads a number in the declared format (%o: %s)", (format, cell, value) => {
    expect(parseNumber(cell, format)).toBe(value);
  });

  it.each([
    [COMMA_DECIMAL, "21.5"],
    [COMMA_GROUPS, "1,5"],
    [COMMA_GROUPS, "12,34"],
    [COMMA_GROUPS, "1234,567"],
    [EUROPEAN, "1,234.5"],
  ])("refuses a number that breaks the declared format (%o: %s)", (format, cell) => {
    expect(parseNumber(cell, format)).toBeUndefined();
  });
});

describe("describeBadNumber", () => {
  it.each([
    ["52,300", DOT, "data.thousands: ','"],
    ["21,5", DOT, "data.decimal: ','"],
    ["1,5", COMMA_GROUPS, "data.thousands"],
    ["Infinity", DOT, "data.na_values"],
    ["abc", DOT, "data.categorical"],
    ["2021-03-04", DOT, "data.exclude"],
  ])("points %s at the setting that would fix it", (cell, format, setting) => {
    expect(describeBadNumber(cell, format).hint).toContain(setting);
  });
});

describe("cellKind", () => {
  const markers = new Set(["", "NA", "?"]);

  it.each([
    ["NA", "missing"],
    ["", "missing"],
    ["1.5", "number"],
    ["52,300", "number-like"],
    ["0x1A", "number-like"],
    ["nan", "number-like"],
    ["Adelie", "text"],
    ["<1H OCEAN", "text"],
  ])("classifies %j as %s", (cell, kind) => {
    expect(cellKind(cell, markers, DOT)).toBe(kind);
  });
});

describe("trimCell", () => {
  it("removes spaces and tabs around a cell and keeps other invisible characters", () => {
    expect(trimCell("  7 ")).toBe("7");
    expect(trimCell("\t7\t")).toBe("7");
    expect(trimCell("\u00a07")).toBe("\u00a07");
    expect(trimCell("")).toBe("");
  });
});
