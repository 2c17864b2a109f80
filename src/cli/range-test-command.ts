// `lr-find [spec.yaml | data.csv]`: flags → spec → range test → report.

import { randomInt } from "node:crypto";
import { extname } from "node:path";

import { runRangeTest, type RangeTestResult } from "../commands/range-test.js";
import { createAbortFlag } from "../sweep/pool.js";
import { LrFindError } from "../errors.js";
import { createStyle, wrapText } from "../report/format.js";
import { toCsv, toJson } from "../report/json.js";
import { renderMarkdown } from "../report/markdown.js";
import { renderSvg } from "../report/svg.js";
import { renderText } from "../report/text.js";
import { isSpecPath } from "../spec/read-spec-file.js";
import { loadSpec, resolveSpec, type Override } from "../spec/load-spec.js";
import { checkExpectations } from "../check/expect.js";
import {
  baselineFailures,
  compareResults,
  DEFAULT_TOLERANCE,
  readResult,
} from "../commands/compare.js";
import { EXIT } from "./exit.js";
import { writeOutput } from "./write-output.js";
import { gridCommand } from "./grid-command.js";
import { createProgress } from "./progress.js";
import type { Io } from "./io.js";

/** The flags of the main command, as commander hands them over. */
export interface RangeTestFlags {
  target?: string;
  task?: string;
  missing?: string;
  features?: (string | number)[];
  exclude?: (string | number)[];
  delimiter?: string;
  header?: string;
  decimal?: string;
  thousands?: string;
  optimizer?: string[];
  startLr?: number;
  endLr?: number;
  iterations?: number;
  batchSize?: number;
  mode?: string;
  smoothing?: number;
  divergence?: number | false;
  hidden?: number[];
  activation?: string;
  method?: string;
  validation?: number;
  seed?: number;
  json?: boolean;
  out?: string[];
  quiet?: boolean;
  color?: boolean;
  points?: boolean;
  resume?: unknown;
  repeats?: number;
  workers?: number;
  expectLr?: string;
  shard?: { index: number; count: number };
  baseline?: string;
  tolerance?: number;
}

const FLAG_PATHS: [keyof RangeTestFlags, string, string][] = [
  ["task", "data.task", "--task"],
  ["missing", "data.missing", "--missing"],
  ["features", "data.features", "--features"],
  ["exclude", "data.exclude", "--exclude"],
  ["delimiter", "data.delimiter", "--delimiter"],
  ["decimal", "data.decimal", "--decimal"],
  ["thousands", "data.thousands", "--thousands"],
  ["startLr", "sweep.start_lr", "--start-lr"],
  ["endLr", "sweep.end_lr", "--end-lr"],
  ["iterations", "sweep.iterations", "--iterations"],
  ["batchSize", "sweep.batch_size", "--batch-size"],
  ["mode", "sweep.mode", "--mode"],
  ["smoothing", "sweep.smoothing", "--smoothing"],
  ["divergence", "sweep.divergence", "--divergence"],
  ["hidden", "model.hidden", "--hidden"],
  ["activation", "model.activation", "--activation"],
  ["method", "suggest.method", "--method"],
  ["validation", "data.validation", "--validation"],
  ["seed", "seed", "--seed"],
  ["repeats", "sweep.repeats", "--repeats"],
  ["expectLr", "expect.lr", "--expect-lr"],
];

/** Run the main job and print its report; returns the exit code. */
export async function rangeTestCommand(input: string | undefined, flags: RangeTestFlags, io: Io) {
  if (flags.resume !== undefined) {
    throw new LrFindError(
      "flag.invalid",
      "--resume is not supported: a sweep cannot be resumed",
      { path: "--resume" },
      "run it again; with the same --seed it gives the same result",
    );
  }
  if (input === undefined) {
    throw new LrFindError(
      "flag.invalid",
      "no input given",
      {},
      "pass a spec file (lr-find configs/iris.yaml) or a CSV (lr-find data.csv --target y)",
    );
  }

  for (const file of flags.out ?? []) writerFor(file);
  const baseline = flags.baseline === undefined ? undefined : readResult(flags.baseline);
  const overrides = toOverrides(flags);
  const spec = isSpecPath(input)
    ? loadSpec(input, overrides)
    : resolveSpec({ data: { path: input } }, undefined, process.cwd(), overrides);
  const seed = spec.seed ?? randomInt(0, 2 ** 31);
  if (flags.shard !== undefined && spec.grid === undefined) {
    throw new LrFindError(
      "flag.invalid",
      "--shard splits a grid, and the spec has no grid: block",
      { path: "--shard" },
      "add grid: (optimizer, batch_size, hidden, seed lists) to the spec",
    );
  }
  if (spec.grid !== undefined) {
    if (flags.baseline !== undefined || spec.expect !== undefined) {
      throw new LrFindError(
        "flag.invalid",
        "expect: and --baseline check one run, not a grid",
        { path: "expect" },
        "check the merged grid's cells one by one, or drop grid:",
      );
    }
    return gridCommand({ ...spec, seed }, flags, io);
  }

  const progress = createProgress(io, { quiet: flags.quiet === true || flags.json === true });
  const abort = createAbortFlag();
  const onSigint = () => {
    Atomics.store(abort, 0, 1);
    io.stderr.write(
      "\nlr-find: interrupted; stopping after the current step " +
        "(Ctrl-C again to quit at once)\n",
    );
    process.once("SIGINT", () => process.exit(EXIT.interrupted));
  };
  process.once("SIGINT", onSigint);
  let result: RangeTestResult;
  try {
    result = await runRangeTest(
      { ...spec, seed },
      {
        workers: flags.workers,
        abort,
        onLoad: (info) => progress.loading(info),
        onStep: (run, step, total) =>
          progress.update(run, spec.optimizers[run % spec.optimizers.length].name, step, total),
      },
    );
  } catch (error) {
    throw spec.source === undefined ? inFlagTerms(error) : error;
  } finally {
    progress.stop();
    process.removeListener("SIGINT", onSigint);
  }

  for (const file of flags.out ?? []) writeOutput("--out", file, writerFor(file)(result));
  if (flags.json) {
    io.stdout.write(`${toJson(result)}\n`);
  } else {
    const color = flags.color !== false && io.color;
    const style = createStyle(color);
    io.stdout.write(
      `${renderText(result, { style, width: io.columns, points: flags.points === true })}\n`,
    );
  }
  if (!flags.quiet)
    for (const w of result.warnings) {
      io.stderr.write(`${wrapText(`lr-find: warning: ${w.message}`, io.columns)}\n`);
    }
  if (spec.seed === undefined && !flags.quiet) {
    io.stderr.write(`lr-find: no seed given; used ${seed} (pass --seed ${seed} to repeat)\n`);
  }

  return finalCode(result, flags, io, baseline);
}

// expectations and a baseline comparison turn into exit 3 with one line per failure
function finalCode(
  result: RangeTestResult,
  flags: RangeTestFlags,
  io: Io,
  baseline: RangeTestResult | undefined,
): number {
  const failures = result.spec.expect ? checkExpectations(result, result.spec.expect) : [];
  if (baseline !== undefined) {
    const diff = compareResults(baseline, result);
    failures.push(...baselineFailures(diff, flags.tolerance ?? DEFAULT_TOLERANCE));
  }
  for (const f of failures) io.stderr.write(`lr-find: check failed: ${f}\n`);
  if (result.runs.some((r) => r.stop.reason === "interrupted")) return EXIT.interrupted;
  if (failures.length > 0) return EXIT.check;
  return result.suggestion === null ? EXIT.check : EXIT.ok;
}

function toOverrides(flags: RangeTestFlags): Override[] {
  const overrides: Override[] = [];
  for (const [key, path, flag] of FLAG_PATHS) {
    if (flags[key] !== undefined)
      overrides.push({ path: path.split("."), value: flags[key], flag });
  }
  if (flags.target !== undefined) {
    const value = /^\d+$/.test(flags.target) ? Number(flags.target) : flags.target;
    overrides.push({ path: ["data", "target"], value, flag: "--target" });
  }
  if (flags.header !== undefined) {
    const value = flags.header === "auto" ? "auto" : flags.header === "true";
    overrides.push({ path: ["data", "header"], value, flag: "--header" });
  }
  if (flags.optimizer !== undefined) {
    const value = flags.optimizer.length === 1 ? flags.optimizer[0] : flags.optimizer;
    overrides.push({ path: ["optimizer"], value, flag: "--optimizer" });
  }
  return overrides;
}

const WRITERS: Record<string, (result: RangeTestResult) => string> = {
  ".json": (result) => `${toJson(result)}\n`,
  ".csv": (result) => toCsv(result),
  ".md": (result) => renderMarkdown(result),
  ".svg": (result) => renderSvg(result),
};

// checked before the run, so a typo in --out does not cost a whole sweep
function writerFor(file: string): (result: RangeTestResult) => string {
  const ext = extname(file).toLowerCase();
  const write = WRITERS[ext];
  if (!write) {
    throw new LrFindError(
      "flag.invalid",
      `--out ${file}: unknown file type '${ext || "(none)"}'`,
      { path: "--out" },
      `use one of: ${Object.keys(WRITERS).join(", ")}`,
    );
  }
  return write;
}

const DATA_FLAGS = [
  "missing",
  "delimiter",
  "header",
  "decimal",
  "thousands",
  "task",
  "target",
  "features",
  "exclude",
  "validation",
];

// without a spec file, hints that name spec fields (data.missing: drop) name the flags instead
function inFlagTerms(error: unknown): unknown {
  if (!(error instanceof LrFindError) || error.hint === undefined) return error;
  let hint = error.hint.replace(
    /check data\.path; a relative path is resolved from the folder of the spec file/,
    "check the path; it is relative to the current folder",
  );
  hint = hint.replace(
    /check data\.path/,
    error.code === "data.empty"
      ? "is it the file you meant? it has no data rows"
      : "check the path",
  );
  for (const name of DATA_FLAGS) {
    hint = hint.replace(new RegExp(`data\\.${name}(: ?| )?`, "g"), `--${name} `);
  }
  hint = hint.replace(/\bset --/g, "pass --");
  return new LrFindError(error.code, error.message, error.place, hint.replace(/ +$/, ""));
}
