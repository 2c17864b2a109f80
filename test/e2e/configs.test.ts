import { describe, expect, it } from "vitest";

import { spawnCli } from "../helpers/cli.js";

// Every shipped example runs end to end through the built binary, as a user would run it.
describe("the shipped configs run end to end", () => {
  it.each([
    ["iris", "classification", 150, 3],
    ["iris-compare", "classification", 150, 3],
    ["penguins", "classification", 333, 3],
    ["wine", "classification", 178, 3],
    ["breast-cancer", "classification", 569, 2],
    ["digits", "classification", 1797, 10],
    ["diabetes", "regression", 442, 0],
    ["california-housing", "regression", 20640, 0],
  ])(
    "%s gives a %s result on %i rows with a suggestion inside its range",
    (name, task, rows, k) => {
      const run = spawnCli([`configs/${name}.yaml`, "--json"]);
      expect(run.code, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout);
      expect(result.data.task).toBe(task);
      expect(result.data.rows).toBe(rows);
      expect(result.data.classes).toHaveLength(k);
      expect(result.suggestion.lr).toBeGreaterThan(0);
      expect(result.range.min).toBeLessThan(result.range.max);
      expect(result.suggestion.lr).toBeGreaterThanOrEqual(result.range.min);
      expect(result.suggestion.lr).toBeLessThanOrEqual(result.range.max);
    },
  );

  it("fails on purpose for configs/broken.yaml, listing every problem", () => {
    const run = spawnCli(["configs/broken.yaml"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/4 problems/);
    expect(run.stderr).toMatch(/broken\.yaml:5: data\.shufle/);
  });

  it("prints a chart, a table, the stop reason and the suggestion for a human", () => {
    const run = spawnCli(["configs/iris.yaml"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/smoothed loss \(lag-free\) vs lr \(log scale\)/);
    expect(run.stdout).toMatch(/1e-4 +1e-3 +1e-2/);
    expect(run.stdout).toMatch(/│ valley +│ \S+ @\d+ ◀/);
    expect(run.stdout).toMatch(/^stop +completed all 100 steps$/m);
    expect(run.stdout).toMatch(/^suggested lr \S+ \(valley\); range for cyclic\/one-cycle/m);
    expect(run.stdout).toMatch(/seed 42/);
    for (const line of run.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
  });
});
