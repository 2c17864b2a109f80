import { describe, expect, it } from "vitest";

import { spawnCli } from "../helpers/cli.js";

// Repeats run on worker threads in the built CLI; the result must not depend on the threads.
describe("repeats with different seeds (sweep.repeats)", () => {
  const run = (workers: number) => {
    const r = spawnCli([
      "configs/iris.yaml",
      "--repeats",
      "5",
      "--workers",
      String(workers),
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
  };

  it("reports the median valley suggestion with its spread, identical on 1 and 2 threads", () => {
    const serial = run(1);
    const parallel = run(2);
    expect(parallel.timing.workers).toBe(2);
    expect(serial.timing.workers).toBe(1);
    expect({ ...parallel, timing: null }).toEqual({ ...serial, timing: null });

    const valley = serial.repeats[0].methods.valley;
    expect(serial.runs).toHaveLength(5);
    expect(new Set(serial.runs.map((r: { seed: number }) => r.seed)).size).toBe(5);
    expect(valley.count).toBe(5);
    expect(valley.spread_decades).toBeGreaterThan(0);
    expect(valley.iqr_decades).toBeGreaterThanOrEqual(0);
    expect(serial.suggestion.lr).toBeCloseTo(valley.median, 12);
    expect(valley.min).toBeLessThanOrEqual(valley.median);
    expect(valley.max).toBeGreaterThanOrEqual(valley.median);
  });
});
