import { describe, expect, it } from "vitest";
import { DEFAULT_NA_VALUES, dataSchema } from "../../src/data/schema.js";

describe("dataSchema", () => {
  it("fills every default from a path alone", () => {
    expect(dataSchema.parse({ path: "d.csv" })).toEqual({
      path: "d.csv",
      exclude: [],
      categorical: [],
      header: "auto",
      delimiter: "auto",
      task: "auto",
      missing: "error",
      na_values: [...DEFAULT_NA_VALUES],
      decimal: ".",
      thousands: "none",
      standardize: true,
      standardize_target: true,
      shuffle: true,
      validation: 0,
      max_classes: 50,
    });
  });

  it("gives each parse its own default lists", () => {
    const a = dataSchema.parse({ path: "d.csv" });
    a.na_values.push("-");
    expect(dataSchema.parse({ path: "d.csv" }).na_values).not.toContain("-");
  });

  it.each([
    ["an unknown key", { path: "d.csv", sep: ";" }, ""],
    ["a missing path", {}, "path"],
    ["a two-character delimiter", { path: "d.csv", delimiter: ";;" }, "delimiter"],
    ["a quote as delimiter", { path: "d.csv", delimiter: '"' }, "delimiter"],
    ["validation above 0.9", { path: "d.csv", validation: 0.95 }, "validation"],
    ["a negative column index", { path: "d.csv", target: -1 }, "target"],
    ["an unknown task", { path: "d.csv", task: "ranking" }, "task"],
    ["',' for decimal and thousands", { path: "d.csv", decimal: ",", thousands: "," }, "thousands"],
    ["one allowed class", { path: "d.csv", max_classes: 1 }, "max_classes"],
  ])("rejects %s at its field", (_, input, field) => {
    const result = dataSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(field);
  });
});
