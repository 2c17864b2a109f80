import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { SpecError } from "../../src/errors.js";
import { loadSpec, resolveSpec } from "../../src/spec/load-spec.js";
import { tempDir } from "../helpers/cli.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function specFile(name: string, text: string): string {
  const file = join(tmp.dir, name);
  writeFileSync(file, text);
  return file;
}

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return (error as SpecError).issues;
  }
  throw new Error("expected a SpecError");
}

const BASE = "data:\n  path: d.csv\n";

describe("loading a spec file", () => {
  it("fills every default and resolves paths against the spec's folder", () => {
    const spec = loadSpec(specFile("ok.yaml", BASE));
    expect(spec.data.path).toBe(join(tmp.dir, "d.csv"));
    expect(spec.optimizers).toEqual([expect.objectContaining({ name: "sgd", momentum: 0 })]);
    expect(spec.sweep).toMatchObject({
      start_lr: 1e-7,
      end_lr: 10,
      iterations: 100,
      smoothing: 0.98,
      divergence: 4,
      batch_size: 32,
      mode: "exponential",
      accumulate: 1,
    });
    expect(spec.suggest.method).toBe("valley");
    expect(spec.model).toMatchObject({ hidden: [64], activation: "relu" });
  });

  it("reads JSON specs with the same schema", () => {
    const spec = loadSpec(
      specFile(
        "ok.json",
        JSON.stringify({
          data: { path: "d.csv" },
          optimizer: ["sgd", { name: "adam", betas: [0.9, 0.99] }],
        }),
      ),
    );
    expect(spec.optimizers.map((o) => o.name)).toEqual(["sgd", "adam"]);
  });

  it.each([
    [
      "an unknown key, with the nearest known one",
      "  shufle: true\n",
      "data.shufle",
      3,
      /did you mean 'shuffle'/,
    ],
    ["a wrong type", "sweep:\n  batch_size: '32'\n", "sweep.batch_size", 4, /expected a number/],
    [
      "end_lr not above start_lr",
      "sweep:\n  start_lr: 1\n  end_lr: 0.5\n",
      "sweep.end_lr",
      5,
      /greater/,
    ],
    [
      "too few iterations for a suggestion (BL-02)",
      "sweep:\n  iterations: 3\n",
      "sweep.iterations",
      4,
      /must be ≥ 20 \(got 3\)/,
    ],
    [
      "a bad optimizer hyperparameter",
      "optimizer:\n  name: adam\n  betas: [0.9, 1.5]\n",
      "optimizer.betas[1]",
      5,
      /\[0, 1\)/,
    ],
    ["a smoothing of 1", "sweep:\n  smoothing: 1\n", "sweep.smoothing", 4, /\[0, 1\)/],
    ["an unknown activation", "model:\n  activation: swish\n", "model.activation", 4, /relu/],
    ["a negative layer width", "model:\n  hidden: [8, -1]\n", "model.hidden[1]", 4, /≥ 1/],
    [
      "a layer_lr of the wrong length",
      "model:\n  hidden: [8]\noptimizer:\n  name: sgd\n" + "  layer_lr: [1]\n",
      "optimizer.layer_lr",
      7,
      /2 layers/,
    ],
    [
      "validation loss without a split",
      "sweep:\n  loss: validation\n",
      "sweep.loss",
      4,
      /validation/,
    ],
  ])("reports %s with its dotted path and line", (_what, extra, path, line, message) => {
    const issues = issuesOf(() => loadSpec(specFile("bad.yaml", BASE + extra)));
    const issue = issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.line).toBe(line);
    expect(issue?.message).toMatch(message);
  });

  it("reports every problem at once, in file order", () => {
    const text = "data:\n  path: d.csv\n  shufle: true\nsweep:\n  iterations: 3\n  end_lr: -1\n";
    const issues = issuesOf(() => loadSpec(specFile("many.yaml", text)));
    expect(issues.map((i) => i.path)).toEqual(["data.shufle", "sweep.iterations", "sweep.end_lr"]);
  });

  it("names the flag when a flag's value is the problem", () => {
    const issues = issuesOf(() =>
      resolveSpec({ data: { path: "d.csv" } }, undefined, tmp.dir, [
        { path: ["sweep", "iterations"], value: 5, flag: "--iterations" },
      ]),
    );
    expect(issues[0]).toMatchObject({ path: "sweep.iterations" });
    expect(issues[0].message).toMatch(/\(from --iterations\)/);
  });

  it("rejects invalid YAML with the line of the problem", () => {
    const issues = issuesOf(() => loadSpec(specFile("syntax.yaml", "data:\n  path: [d.csv\n")));
    expect(issues[0].message).toMatch(/not valid YAML/);
    expect(issues[0].line).toBeGreaterThanOrEqual(2);
  });

  it("names the resolved path of a missing spec file", () => {
    expect(() => loadSpec(join(tmp.dir, "nope.yaml"))).toThrow(/spec file not found: .*nope\.yaml/);
  });
});
