import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { runCli, tempDir } from "../helpers/cli.js";
import { BL01_CSV } from "../helpers/dataset.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());
writeFileSync(join(tmp.dir, "bl01.csv"), BL01_CSV);
const spec = join(tmp.dir, "grid.json");
writeFileSync(
  spec,
  JSON.stringify({
    data: { path: "bl01.csv", target: "y" },
    sweep: { iterations: 30, start_lr: 1e-4, end_lr: 1 },
    seed: 5,
    grid: { optimizer: ["sgd", "adam"], batch_size: [2, 4], seed: [1, 2] },
  }),
);

describe("grids, shards and merge", () => {
  it("merges 3 shards of a grid of 8 into JSON identical to the unsharded run", async () => {
    const whole = await runCli([spec, "--json", "--quiet"]);
    expect(whole.code).toBe(0);
    expect(JSON.parse(whole.stdout).cells).toHaveLength(8);

    const files: string[] = [];
    for (const i of [1, 2, 3]) {
      const file = join(tmp.dir, `shard-${i}.json`);
      const run = await runCli([spec, "--shard", `${i}/3`, "--out", file, "--quiet"]);
      expect(run.code).toBe(0);
      files.push(file);
    }
    const sizes = files.map((f) => JSON.parse(readFileSync(f, "utf8")).cells.length);
    expect(sizes).toEqual([3, 3, 2]);

    const merged = await runCli(["merge", ...files.reverse(), "--json"]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
  });

  it("rejects a missing shard, a repeated one, and shards of another spec", async () => {
    const a = join(tmp.dir, "a.json");
    const b = join(tmp.dir, "b.json");
    await runCli([spec, "--shard", "1/2", "--out", a, "--quiet"]);
    await runCli([spec, "--shard", "2/2", "--out", b, "--quiet", "--iterations", "25"]);

    const missing = await runCli(["merge", a]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cover 4 of 8 cells; missing: 1, 3, 5, 7/);
    expect((await runCli(["merge", a, a])).stderr).toMatch(/appears twice/);
    expect((await runCli(["merge", a, b])).stderr).toMatch(/different spec/);
  });

  it("rejects a shard number out of range", async () => {
    const run = await runCli([spec, "--shard", "4/3"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--shard/);
  });
});
