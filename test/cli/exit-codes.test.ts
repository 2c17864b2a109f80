import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { EXIT, reportError } from "../../src/cli/exit.js";
import { BIN, REPO, spawnCli, tempDir } from "../helpers/cli.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

// One end-to-end test per documented exit code.
describe("exit codes", () => {
  it("0: a run with a suggestion", () => {
    expect(spawnCli(["configs/iris.yaml", "--quiet"]).code).toBe(EXIT.ok);
  });

  it("1: an unexpected error prints its stack and asks for a report", () => {
    let text = "";
    const code = reportError(new Error("boom"), (t) => (text += t));
    expect(code).toBe(EXIT.unexpected);
    expect(text).toMatch(/this is a bug; please report it/);
    expect(text).toMatch(/Error: boom\n\s+at /);
  });

  it("2: bad input", () => {
    expect(spawnCli(["configs/broken.yaml"]).code).toBe(EXIT.badInput);
  });

  it("3: an expectation that does not hold, with a one-line reason", () => {
    const run = spawnCli(["configs/iris.yaml", "--expect-lr", "1..10", "--quiet"]);
    expect(run.code).toBe(EXIT.check);
    expect(run.stderr.trim()).toMatch(
      /^lr-find: check failed: expected the suggestion in 1\.\.10, got \S+ \(valley\)$/,
    );
  });

  it("3: a suggestion that moved beyond the tolerance from a baseline", () => {
    const base = join(tmp.dir, "base.json");
    expect(spawnCli(["configs/iris.yaml", "--out", base, "--quiet"]).code).toBe(0);
    const same = spawnCli(["configs/iris.yaml", "--baseline", base, "--quiet"]);
    expect(same.code).toBe(EXIT.ok);

    const moved = spawnCli([
      "configs/iris.yaml",
      "--optimizer",
      "adam",
      "--baseline",
      base,
      "--tolerance",
      "0.1",
      "--quiet",
    ]);
    expect(moved.code).toBe(EXIT.check);
    expect(moved.stderr).toMatch(/check failed: the suggestion moved -?\d\.\d\d decades/);

    const cmp = spawnCli(["compare", base, base, "--json"]);
    expect(cmp.code).toBe(0);
    expect(JSON.parse(cmp.stdout).suggestion.delta_decades).toBe(0);
  });

  it("3: divergence below the lr an expect: block allows", () => {
    const spec = join(tmp.dir, "expect.yaml");
    writeFileSync(
      spec,
      `data:\n  path: ${process.cwd()}/configs/data/iris.csv\n  target: 4\n` +
        "sweep:\n  start_lr: 1.0e-5\n  end_lr: 10\n  batch_size: 16\noptimizer: adam\nseed: 1\n" +
        "expect:\n  no_divergence_below: 100\n",
    );
    const run = spawnCli([spec, "--quiet"]);
    expect(run.code).toBe(EXIT.check);
    expect(run.stderr).toMatch(/expected no divergence below lr 100, but adam .* stopped diverged/);
  });
});

describe("Ctrl-C", () => {
  it("130: stops after the current step and reports the steps run so far (BL-19)", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(
      process.execPath,
      [BIN, "configs/california-housing.yaml", "--iterations", "50000", "--json"],
      { cwd: REPO, env: { ...process.env, CI: "true" } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    // interrupt once the sweep is under way (the data take about a second to load)
    await new Promise((r) => setTimeout(r, 2500));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((r) => child.on("close", r));

    expect(code).toBe(EXIT.interrupted);
    expect(stderr).toMatch(/interrupted; stopping after the current step/);
    const result = JSON.parse(stdout);
    const run = result.runs[0];
    expect(run.stop.reason).toBe("interrupted");
    expect(run.points.length).toBeLessThan(50000);
    expect(run.stop.message).toMatch(/rerun with the same seed/);
  });
});
