import { describe, expect, it } from "vitest";
import { classCodes, decideTarget, type TargetOptions } from "../../src/data/target.js";
import { TargetStats } from "../../src/data/target-stats.js";
import { LrFindError } from "../../src/errors.js";

const AUTO: TargetOptions = { decimal: ".", thousands: "none", task: "auto", maxClasses: 50 };

/** The target as the first pass sees it (lines from 2), decided; class indices per row. */
function target(cells: string[], options: Partial<TargetOptions> = {}) {
  const all = { ...AUTO, ...options };
  const stats = new TargetStats({ name: "y", file: "data.csv" }, all, all.maxClasses);
  cells.forEach((cell, i) => stats.add(cell, i, i + 2));
  const plan = decideTarget(stats, all);
  const values = plan.task === "classification" ? classCodes(stats, plan) : null;
  return { ...plan, values };
}

function thrown(run: () => unknown): LrFindError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LrFindError);
    return error as LrFindError;
  }
  throw new Error("expected an LrFindError");
}

describe("encodeTarget", () => {
  it.each([
    ["text labels", ["yes", "no", "yes"], "classification"],
    ["whole numbers, few values", ["0", "1", "2", "1"], "classification"],
    ["whole numbers in exponent form", ["1.5e+02", "7.5e+01"], "classification"],
    ["fractions", ["0.5", "1.5", "2"], "regression"],
    ["more than 20 whole numbers", Array.from({ length: 21 }, (_, i) => String(i)), "regression"],
  ])("in auto mode reads %s as %s", (_, cells, task) => {
    expect(target(cells).task).toBe(task);
  });

  it("orders numeric labels by value and text labels by code unit", () => {
    expect(target(["10", "2", "1"]).classes).toEqual(["1", "2", "10"]);
    expect(target(["b", "B", "a"]).classes).toEqual(["B", "a", "b"]);
  });

  it("keeps '1' and '1.0' apart as text, with a warning", () => {
    const encoded = target(["1", "1.0", "2"], { task: "classification" });
    expect(encoded.classes).toEqual(["1", "1.0", "2"]);
    expect(encoded.warnings).toHaveLength(1);
  });

  it("gives class indices in class order", () => {
    expect(Array.from(target(["b", "a", "b"]).values ?? [])).toEqual([1, 0, 1]);
  });

  it("refuses a single class", () => {
    const error = thrown(() => target(["yes", "yes"], { task: "classification" }));
    expect(error).toMatchObject({ code: "data.target", place: { column: "y" } });
  });

  it("refuses more classes than data.max_classes and suggests regression for numbers", () => {
    const cells = Array.from({ length: 8 }, (_, i) => String(i));
    const error = thrown(() => target(cells, { task: "classification", maxClasses: 5 }));
    expect(error.code).toBe("data.target");
    expect(error.hint).toContain("task: regression");
  });

  it.each([
    ["a text cell", ["1.5", "2.5", "abc"], "data.target", 4],
    ["a number-like cell", ["1.5", "2.5", "1,5"], "data.value", 4],
  ])("refuses %s in a regression target with its line", (_, cells, code, line) => {
    const error = thrown(() => target(cells, { task: "regression" }));
    expect(error).toMatchObject({ code, place: { line } });
  });
});
