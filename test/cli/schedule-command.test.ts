import { afterAll, describe, expect, it } from "vitest";

import { runCli, tempDir } from "../helpers/cli.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const file = tmp.write;

describe("lr-find schedule", () => {
  it("prints lr and momentum per step as JSON for one-cycle", async () => {
    const spec = file("oc.yaml", "schedule:\n  kind: one_cycle\n  max_lr: 0.1\n  steps: 100\n");
    const run = await runCli(["schedule", spec, "--json"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.lr).toHaveLength(100);
    expect(out.lr[0]).toBeCloseTo(0.1 / 25, 15);
    expect(Math.max(...out.lr)).toBeCloseTo(0.1, 12);
    expect(out.momentum[0]).toBeCloseTo(0.95, 15);
  });

  it("takes a bare kind and flags, and charts it for people", async () => {
    const run = await runCli([
      "schedule",
      "cosine",
      "--steps",
      "50",
      "--base-lr",
      "0.1",
      "--set",
      "t_max=50",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/schedule  cosine, 50 steps, lr 0\.1 at step 0/);
    expect(run.stdout).toMatch(/┤/);
  });

  it("never uses lr 0 in the first warmup step (BL-15)", async () => {
    const spec = file(
      "wu.yaml",
      "schedule:\n  kind: constant\n  base_lr: 0.1\n  steps: 6\n" +
        "  warmup:\n    total_iters: 3\n    start_factor: 0.25\n",
    );
    const ok = JSON.parse((await runCli(["schedule", spec, "--json"])).stdout);
    expect(ok.lr.map((v: number) => Number(v.toFixed(12)))).toEqual([
      0.025, 0.05, 0.075, 0.1, 0.1, 0.1,
    ]);
  });

  it.each([
    [
      "pct_start outside (0, 1) (BL-17b)",
      "kind: one_cycle\n  max_lr: 0.1\n  steps: 10\n  pct_start: 1.2",
      "schedule.pct_start",
    ],
    [
      "base_lr ≥ max_lr for cyclic (BL-18b)",
      "kind: cyclic\n  base_lr: 0.1\n  max_lr: 0.01\n  steps: 10",
      "schedule.",
    ],
    [
      "a one-cycle too short for its phases (BL-17a)",
      "kind: one_cycle\n  max_lr: 0.1\n  steps: 2",
      "schedule.",
    ],
  ])("rejects %s with the key and its line", async (_what, body, path) => {
    const spec = file("bad.yaml", `schedule:\n  ${body}\n`);
    const run = await runCli(["schedule", spec]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("[spec.invalid]");
    expect(run.stderr).toContain(path);
    expect(run.stderr).toMatch(/bad\.yaml:\d+: schedule\./);
  });

  it("takes the cyclic bounds from a range-test result (--from)", async () => {
    const result = file(
      "r.json",
      JSON.stringify({
        suggestion: { lr: 0.01, method: "valley" },
        range: { min: 0.002, max: 0.2 },
      }),
    );
    const run = await runCli([
      "schedule",
      "cyclic",
      "--steps",
      "40",
      "--set",
      "step_size_up=10",
      "--from",
      result,
      "--json",
    ]);
    expect(run.code).toBe(0);
    const lr = JSON.parse(run.stdout).lr;
    expect(lr[0]).toBeCloseTo(0.002, 15);
    expect(lr[10]).toBeCloseTo(0.2, 12);
  });

  it("rejects momentum cycling with an optimizer that has none (BL-18a)", async () => {
    const spec = file(
      "cm.yaml",
      `data:\n  path: x.csv\noptimizer: rmsprop\nschedule:\n` +
        "  kind: cyclic\n  base_lr: 0.001\n  max_lr: 0.1\n  steps: 20\n  cycle_momentum: true\n",
    );
    const run = await runCli(["train", spec]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /schedule\.cycle_momentum: cyclic cycles momentum, but optimizer: rmsprop/,
    );
  });
});

describe("lr-find scale", () => {
  it("gives the linear and square-root batch-size rules", async () => {
    const run = await runCli([
      "scale",
      "--lr",
      "0.01",
      "--from-batch",
      "32",
      "--to-batch",
      "128",
      "--json",
    ]);
    expect(JSON.parse(run.stdout)).toMatchObject({ linear: 0.04, sqrt: 0.02 });
  });
});
