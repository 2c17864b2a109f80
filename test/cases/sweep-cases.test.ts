import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { runCli, tempDir } from "../helpers/cli.js";
import { BL01_CSV } from "../helpers/dataset.js";

// Failure cases from public bug reports (shared/cases/README.md), run through the CLI.
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const bl01 = join(tmp.dir, "bl01.csv");
writeFileSync(bl01, BL01_CSV);

function spec(name: string, body: Record<string, unknown>): string {
  const file = join(tmp.dir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({ data: { path: "bl01.csv", target: "y", task: "regression" }, ...body }),
  );
  return file;
}

describe("BL-01: NaN/inf losses do not poison the suggestion", () => {
  const file = spec("bl01", {
    optimizer: { name: "sgd", momentum: 0.9 },
    sweep: { start_lr: 1e-4, end_lr: 1e3, iterations: 80, batch_size: 4, divergence: false },
    seed: 1,
  });

  it("suggests below the first NaN/inf point, writes valid JSON, exits 0, warns", async () => {
    const run = await runCli([file, "--json"]);
    expect(run.code).toBe(0);
    // no bare NaN/Infinity tokens (the spec's na_values list holds the string "NaN")
    expect(run.stdout).not.toMatch(/[:,[]\s*-?(NaN|Infinity)\b/);
    const result = JSON.parse(run.stdout);
    const r = result.runs[0];
    expect(r.stop.reason).toBe("non_finite");
    const bad = r.points.find((p: { loss: number | null }) => p.loss === null);
    expect(bad.step).toBe(r.stop.step);
    expect(result.suggestion.lr).toBeLessThan(bad.lr);
    expect(run.stderr).toMatch(/warning: the loss became non-finite at step \d+/);
  });

  it("marks the non-finite point in the table and names the step in the stop line", async () => {
    const run = await runCli([file, "--points"]);
    expect(run.stdout).toMatch(/nan\/inf/);
    expect(run.stdout).toMatch(
      /stop +divergence stop disabled; stopped at step \d+ \(lr \S+\) on non-finite loss/,
    );
  });
});

describe("BL-02: too few usable points", () => {
  it("prints the sweep, then 'no suggestion' with the reason, JSON null, exit 3", async () => {
    const file = spec("bl02", {
      sweep: { start_lr: 1, end_lr: 1e4, iterations: 50, batch_size: 4 },
      optimizer: { name: "sgd", momentum: 0.9 },
      seed: 1,
    });
    const text = await runCli([file]);
    expect(text.code).toBe(3);
    expect(text.stdout).toMatch(/no suggestion: only \d+ usable points, need ≥ 20; lower start_lr/);
    expect(text.stdout).not.toMatch(/undefined|NaN/);

    const json = await runCli([file, "--json"]);
    expect(json.code).toBe(3);
    const result = JSON.parse(json.stdout);
    expect(result.suggestion).toBeNull();
    expect(result.range).toBeNull();
    expect(result.reason).toMatch(/^only \d+ usable points/);
  });
});

describe("BL-08 and BL-10: sweeps share nothing, and runs repeat exactly", () => {
  const file = spec("bl08", {
    optimizer: ["sgd", "adam"],
    sweep: { batch_size: 4, iterations: 30 },
    seed: 3,
  });

  it("gives all optimizers one step-1 loss and leaves the user's settings alone", async () => {
    const result = JSON.parse((await runCli([file, "--json"])).stdout);
    expect(result.runs).toHaveLength(2);
    expect(result.runs[0].points[0].loss).toBe(result.runs[1].points[0].loss);
    expect(result.spec.sweep.batch_size).toBe(4);
    expect(result.spec.data.shuffle).toBe(true);
  });

  it("prints byte-identical JSON (but timing) and text for one spec and seed", async () => {
    const untimed = (text: string) => JSON.stringify({ ...JSON.parse(text), timing: null });
    const a = await runCli([file, "--json"]);
    const b = await runCli([file, "--json"]);
    expect(untimed(a.stdout)).toBe(untimed(b.stdout));
    expect((await runCli([file])).stdout).toBe((await runCli([file])).stdout);
  });

  it("picks and prints a seed when none is given", async () => {
    const noSeed = join(tmp.dir, "noseed.json");
    writeFileSync(
      noSeed,
      JSON.stringify({
        data: { path: "bl01.csv", target: "y" },
        sweep: { batch_size: 4, iterations: 30 },
      }),
    );
    const run = await runCli([noSeed, "--json"]);
    const seed = JSON.parse(run.stdout).spec.seed;
    expect(run.stderr).toContain(`used ${seed} (pass --seed ${seed} to repeat)`);
  });
});

describe("BL-04: the header states steps, batches per epoch and epochs", () => {
  it("says '20 steps over 3 batches/epoch (≈6.67 epochs)' for 12 rows, batch 4", async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i / 11},${(i * 7) % 12},${i % 3}`);
    writeFileSync(join(tmp.dir, "bl04.csv"), ["a,b,y", ...rows].join("\n"));
    const file = join(tmp.dir, "bl04.json");
    writeFileSync(
      file,
      JSON.stringify({
        data: { path: "bl04.csv", task: "regression" },
        sweep: { iterations: 20, batch_size: 4, start_lr: 1e-5, end_lr: 1e-2 },
        seed: 1,
      }),
    );
    const run = await runCli([file]);
    expect(run.stdout).toMatch(/20 steps over 3 batches\/epoch \(≈6\.67 epochs\)/);
    expect(run.stdout).toMatch(/stop +completed all 20 steps/);
  });
});

describe("BL-14: AdamW's decay convention at high learning rates", () => {
  it("warns where lr × weight_decay reaches 1, and differs from Adam + L2", async () => {
    const sweep = { start_lr: 1e-3, end_lr: 10, iterations: 40, batch_size: 4, divergence: false };
    const adamw = spec("bl14w", {
      optimizer: { name: "adamw", weight_decay: 0.2 },
      sweep,
      seed: 1,
    });
    const adam = spec("bl14a", { optimizer: { name: "adam", weight_decay: 0.2 }, sweep, seed: 1 });
    const w = await runCli([adamw, "--json"]);
    const a = await runCli([adam, "--json"]);
    const codes = JSON.parse(w.stdout).warnings.map((g: { code: string }) => g.code);
    expect(codes).toContain("adamw_decay");
    expect(w.stderr).toMatch(/adamw: lr × weight_decay ≥ 1 from step \d+ \(lr [\d.]+\)/);
    const lossW = JSON.parse(w.stdout).runs[0].points.map((p: { loss: number }) => p.loss);
    const lossA = JSON.parse(a.stdout).runs[0].points.map((p: { loss: number }) => p.loss);
    expect(lossW[0]).toBe(lossA[0]);
    expect(lossW).not.toEqual(lossA);
  });
});

describe("BL-17d: a schedule whose steps come from an empty data file", () => {
  it("reports the empty file, not a scheduler problem", async () => {
    const empty = tmp.write("empty.csv", "x1,x2,y\n");
    const file = tmp.write(
      "bl17.yaml",
      `data:\n  path: ${empty}\noptimizer:\n  name: sgd\n` +
        "  momentum: 0.9\nschedule:\n  kind: one_cycle\n  max_lr: 0.1\n  steps: 10\n" +
        "train:\n  epochs: 2\n",
    );
    const run = await runCli(["train", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\[data\.empty\]/);
    expect(run.stderr).toContain("empty.csv");
  });
});
