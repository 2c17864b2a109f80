import { afterAll, describe, expect, it } from "vitest";

import { spawnCli, tempDir } from "../helpers/cli.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const file = tmp.write;

const IRIS = "configs/data/iris.csv";

// every bad input: exit 2, one clear message on stderr naming the code, nothing on stdout,
// and never a stack trace
describe("bad input through the built CLI", () => {
  it.each([
    ["a missing spec file", () => ["configs/nope.yaml"], "spec.file", /nope\.yaml/],
    ["a missing data file", () => ["no/such.csv", "--target", "y"], "data.file", /such\.csv/],
    ["an empty data file", () => [file("empty.csv", "")], "data.empty", /empty\.csv/],
    ["a header-only data file", () => [file("head.csv", "a,b,y\n")], "data.empty", /head\.csv/],
    ["a missing target column", () => [IRIS, "--target", "nope"], "data.column", /'nope'/],
    [
      "an unparsable cell",
      () => [file("cell.csv", "a,y\n1,0\nabc1,1\n2,0\n3,1\n")],
      "data.value",
      /line 3/,
    ],
    [
      "an unknown spec key",
      () => [file("k.yaml", `data:\n  path: ${process.cwd()}/${IRIS}\n` + "  trget: 4\n")],
      "spec.invalid",
      /:3: data\.trget: unknown key/,
    ],
    ["a bad number flag", () => [IRIS, "--start-lr", "1e-3x"], "flag.invalid", /--start-lr/],
    ["an unknown flag", () => [IRIS, "--lr-max", "3"], "flag.invalid", /unknown option/],
    ["a resume flag (not supported)", () => [IRIS, "--resume"], "flag.invalid", /not supported/],
    [
      "an unknown output type",
      () => [IRIS, "--target", "4", "--out", "x.png", "--seed", "1"],
      "flag.invalid",
      /x\.png/,
    ],
    [
      "a weights file of the wrong shape",
      () => [
        file(
          "w.yaml",
          `data:\n  path: ${process.cwd()}/${IRIS}\n  target: 4\n` +
            "model:\n  hidden: [4]\n  weights: w.json\n",
        ),
      ],
      "model.weights",
      /not found|layer/,
    ],
  ])("%s gives exit 2 and a one-place message", (_what, args, code, message) => {
    const run = spawnCli(args());
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`[${code}]`);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it("reports a weights shape mismatch naming the layer and both shapes", () => {
    const weights = {
      layers: [
        { weight: [[1, 2, 3, 4]], bias: [0] },
        { weight: [[1]], bias: [0] },
      ],
    };
    file("w2.json", JSON.stringify(weights));
    const spec = file(
      "w2.yaml",
      `data:\n  path: ${process.cwd()}/${IRIS}\n  target: 4\n` +
        "model:\n  hidden: [2]\n  weights: w2.json\n",
    );
    const run = spawnCli([spec]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/layer 1 expects shape \[2\]\[4\], file has \[1\]\[4\]/);
  });
});

describe("terminal manners", () => {
  it("prints only JSON on stdout with --json, warnings on stderr", () => {
    const run = spawnCli(["configs/penguins.yaml", "--json"]);
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it("uses no colour when NO_COLOR is set or output is not a terminal", () => {
    const run = spawnCli(["configs/iris.yaml"], { NO_COLOR: "1" });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/\u001b\[/);
    expect(run.stderr).not.toMatch(/\u001b\[/);
  });

  it("prints the version and the help with the exit codes", () => {
    expect(spawnCli(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = spawnCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--start-lr <lr>/);
    expect(help.stdout).toMatch(/Exit codes/);
  });
});
