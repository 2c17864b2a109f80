import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, describe, expect, it } from "vitest";

import { resultJsonSchema } from "../../src/commands/json-schema.js";
import { runCli, REPO, tempDir } from "../helpers/cli.js";
import { BL01_CSV } from "../helpers/dataset.js";

// The shipped JSON Schema (generated from zod) validates every kind of result lr-find writes.
const tmp = tempDir();
afterAll(() => tmp.cleanup());
writeFileSync(join(tmp.dir, "bl01.csv"), BL01_CSV);

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateResult = ajv.compile(resultJsonSchema());
const validateGrid = ajv.compile(resultJsonSchema(true));

async function json(args: string[]) {
  const run = await runCli([...args, "--json", "--quiet"]);
  return JSON.parse(run.stdout);
}

describe("the JSON Schema of results", () => {
  it.each([
    ["a single run", [join(REPO, "configs/iris.yaml")]],
    ["an optimizer comparison", [join(REPO, "configs/iris-compare.yaml")]],
    ["repeats", [join(REPO, "configs/iris.yaml"), "--repeats", "3"]],
    ["a regression with validation", [join(REPO, "configs/breast-cancer.yaml")]],
    [
      "a run without a suggestion",
      [
        join(tmp.dir, "bl01.csv"),
        "--target",
        "y",
        "--start-lr",
        "1",
        "--end-lr",
        "1e4",
        "--iterations",
        "50",
        "--batch-size",
        "4",
        "--seed",
        "1",
      ],
    ],
  ])("validates %s", async (_what, args) => {
    const result = await json(args);
    const ok = validateResult(result);
    expect(validateResult.errors ?? [], JSON.stringify(validateResult.errors?.slice(0, 3))).toEqual(
      [],
    );
    expect(ok).toBe(true);
  });

  it("validates a grid result and rejects a range-test result as a grid", async () => {
    const spec = join(tmp.dir, "grid.json");
    writeFileSync(
      spec,
      JSON.stringify({
        data: { path: "bl01.csv", target: "y" },
        sweep: { batch_size: 4, iterations: 30 },
        seed: 1,
        grid: { optimizer: ["sgd", "adam"] },
      }),
    );
    const grid = await json([spec]);
    expect(validateGrid(grid)).toBe(true);
    expect(validateGrid(await json([join(REPO, "configs/iris.yaml")]))).toBe(false);
  });

  it("is printed by lr-find schema", async () => {
    const run = await runCli(["schema"]);
    const schema = JSON.parse(run.stdout);
    expect(schema.$schema).toMatch(/2020-12/);
    expect(schema.properties.runs.items.properties.points).toBeDefined();
  });
});
