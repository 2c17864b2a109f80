// Column references and header names, through the loader so tables are real.

import { describe, expect, it } from "vitest";
import { loadError, loadText, useTempFiles, writeTemp } from "./helpers.js";

useTempFiles();

const TEXT = "id,a,b,label\n1,0.1,5,x\n2,0.4,3,y\n3,0.2,4,x\n";

describe("column references", () => {
  it("defaults to the last column as target and all others as features", async () => {
    const dataset = await loadText(TEXT);
    expect(dataset.targetName).toBe("label");
    expect(dataset.featureNames).toEqual(["id", "a", "b"]);
  });

  it("takes names or 0-based indices, in the spec's order", async () => {
    const dataset = await loadText(TEXT, { target: 3, features: ["b", 1] });
    expect(dataset.featureNames).toEqual(["b", "a"]);
  });

  it("leaves excluded columns out and describes every column", async () => {
    const dataset = await loadText(TEXT, { exclude: ["id"] });
    expect(dataset.featureNames).toEqual(["a", "b"]);
    expect(dataset.info.columns.map((c) => c.kind)).toEqual([
      "excluded",
      "numeric",
      "numeric",
      "target",
    ]);
  });

  it.each([
    ["an unknown target", { target: "Label" }, "data.target"],
    ["an index past the end", { target: 9 }, "data.target"],
    ["an unknown feature", { features: ["c"] }, "data.features"],
    ["an unknown exclusion", { exclude: ["zz"] }, "data.exclude"],
    ["the target as a feature", { features: ["a", "label"] }, "data.features"],
    ["an excluded feature", { features: ["a"], exclude: ["a"] }, "data.features"],
    ["a feature twice", { features: ["a", 1] }, "data.features"],
    ["the target excluded", { exclude: ["label"] }, "data.exclude"],
    ["nothing left", { exclude: ["id", "a", "b"] }, "data.features"],
    ["a categorical non-feature", { features: ["a"], categorical: ["b"] }, "data.categorical"],
  ])("refuses %s as data.column at its spec path", async (_, spec, path) => {
    const error = await loadError(TEXT, spec);
    expect(error.code).toBe("data.column");
    expect(error.place.path).toBe(path);
  });

  it("suggests the column that differs only in case", async () => {
    const error = await loadError(TEXT, { target: "Label" });
    expect(error.hint).toContain("'label'");
  });

  it("explains col1, col2, ... when a file without a header is referenced by name", async () => {
    const error = await loadError("1,2,0\n3,4,1\n", { target: "y" });
    expect(error.hint).toContain("col1");
    const dataset = await loadText("1,2,0\n3,4,1\n", { target: "col3" });
    expect(dataset.featureNames).toEqual(["col1", "col2"]);
  });
});

describe("a target in a second file", () => {
  it("refuses a target file with another number of rows", async () => {
    const data = writeTemp("1,2\n3,4\n5,6\n");
    const error = await loadError("1,2\n3,4\n", { target_path: data });
    expect(error).toMatchObject({ code: "data.target", place: { path: "data.target_path" } });
  });

  it("names the target by the header of its file, or by the file itself", async () => {
    const features = "a,b\n1,2\n3,4\n5,6\n";
    const named = await loadText(features, { target_path: writeTemp("price\n1.5\n2.5\n3\n") });
    expect(named.targetName).toBe("price");
    const bare = writeTemp("1.5\n2.5\n3\n", "prices.csv");
    expect((await loadText(features, { target_path: bare })).targetName).toMatch(/prices$/);
  });
});

describe("header names", () => {
  it("names an unnamed column after its position, with a warning", async () => {
    const dataset = await loadText(",a,y\n1,2,0\n2,3,1\n3,1,0\n");
    expect(dataset.featureNames).toEqual(["col1", "a"]);
    expect(dataset.info.warnings.some((w) => w.includes("column 1"))).toBe(true);
  });

  it("keeps a named all-empty column and reports it as missing", async () => {
    const error = await loadError("a,b,y\n1,,0\n2,,1\n");
    expect(error).toMatchObject({ code: "data.missing", place: { line: 2, column: "b" } });
  });

  it.each([
    ["a header only", "a,b,y\n", "data.empty"],
    ["an empty file", "", "data.empty"],
    ["blank lines only", "\n\n\n", "data.empty"],
  ])("refuses %s as data.empty", async (_, text, code) => {
    const error = await loadError(text);
    expect(error.code).toBe(code);
    expect(error.place.file).toBeTypeOf("string");
  });
});
