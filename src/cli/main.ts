// Command-line entry: commander parses argv, one command function runs, errors become exits.

import { Command, Option } from "commander";

import { resultJsonSchema } from "../commands/json-schema.js";
import { ACTIVATIONS } from "../model/activation.js";
import { SUGGEST_METHODS } from "../suggest/suggest.js";
import { VERSION } from "../version.js";
import { EXIT, reportError } from "./exit.js";
import { processIo, type Io } from "./io.js";
import * as parse from "./parsers.js";
import { rangeTestCommand, type RangeTestFlags } from "./range-test-command.js";
import { compareCommand, type CompareFlags } from "./compare-command.js";
import { mergeCommand, type GridFlags } from "./grid-command.js";
import { scaleCommand, type ScaleFlags } from "./scale-command.js";
import { scheduleCommand, type ScheduleFlags } from "./schedule-command.js";
import { trainCommand, type TrainFlags } from "./train-command.js";

/** Build the program; `io` lets tests capture output. `setCode` receives the exit code. */
export function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command("lr-find")
    .description("Find a good learning rate: an LR range test for an MLP on a CSV dataset.")
    .version(VERSION, "-V, --version")
    .argument("[input]", "spec file (.yaml/.yml/.json) or a CSV file (.csv, .csv.gz, .tsv, ...)")
    .exitOverride()
    .enablePositionalOptions()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) =>
        write(`lr-find: ${s.replace(/^error: /, "error [flag.invalid]: ")}`),
    })
    .showSuggestionAfterError(true)
    .configureHelp({ helpWidth: Math.min(io.columns, 100), minWidthToWrap: 24 });

  program
    .option("--target <column>", "target column name or 0-based index (default: last column)")
    .addOption(
      new Option("--task <task>", "task").choices(["auto", "classification", "regression"]),
    )
    .addOption(
      new Option("--missing <policy>", "empty/NA/? cells (default error)").choices([
        "error",
        "drop",
        "mean",
      ]),
    )
    .option(
      "--features <columns>",
      "feature columns, comma-separated (default: all others)",
      parse.columnList,
    )
    .option("--exclude <columns>", "columns to leave out, comma-separated", parse.columnList)
    .option(
      "--delimiter <char>",
      "field delimiter (default: detected; \\t for tab)",
      parse.delimiter,
    )
    .addOption(
      new Option("--header <mode>", "first line is a header (default auto)").choices([
        "auto",
        "true",
        "false",
      ]),
    )
    .addOption(new Option("--decimal <mark>", "decimal mark (default .)").choices([".", ","]))
    .addOption(
      new Option("--thousands <sep>", "thousands separator (default none)").choices([
        "none",
        ",",
        ".",
        " ",
        "'",
      ]),
    )
    .option(
      "--optimizer <names>",
      "optimizer(s), comma-separated to compare: sgd,adam",
      parse.nameList,
    )
    .option("--start-lr <lr>", "first learning rate (default 1e-7)", parse.positiveNumber)
    .option("--end-lr <lr>", "last learning rate (default 10)", parse.positiveNumber)
    .option("--iterations <n>", "steps in the sweep (default 100)", parse.positiveInt)
    .option("--batch-size <n>", "rows per batch (default 32)", parse.positiveInt)
    .addOption(
      new Option("--mode <mode>", "lr ladder (default exponential)").choices([
        "exponential",
        "linear",
      ]),
    )
    .option("--smoothing <beta>", "EMA factor of the smoothed loss (default 0.98)", parse.fraction)
    .option(
      "--divergence <k>",
      "stop when smoothed > k × best; 'off' disables (default 4)",
      parse.divergence,
    )
    .option("--hidden <widths>", "hidden layer widths: 64 or 64,32 (default 64)", parse.intList)
    .addOption(
      new Option("--activation <name>", "hidden activation (default relu)").choices(ACTIVATIONS),
    )
    .addOption(
      new Option("--method <name>", "suggestion rule (default valley)").choices(SUGGEST_METHODS),
    )
    .option("--validation <fraction>", "held-out fraction of rows (default 0)", parse.fraction)
    .option("--seed <n>", "random seed (default: picked and printed)", parse.seed)
    .option(
      "--repeats <n>",
      "sweeps per optimizer with derived seeds (default 1)",
      parse.positiveInt,
    )
    .option(
      "--workers <n>",
      "worker threads for the sweeps (default: all cores)",
      parse.positiveInt,
    )
    .option("--expect-lr <min..max>", "exit 3 unless the suggestion lies in this range")
    .option("--baseline <result.json>", "exit 3 if the suggestion moved beyond --tolerance")
    .option(
      "--tolerance <decades>",
      "allowed move against --baseline (default 0.5)",
      parse.positiveNumber,
    )
    .option(
      "--shard <i/n>",
      "run the i-th of n deterministic parts of the spec's grid",
      parse.shard,
    )
    .option("--json", "print only JSON on stdout")
    .option(
      "--out <file>",
      "also write the result: .json, .csv, .md or .svg (repeatable)",
      collect,
      [],
    )
    .option("--points", "also print every recorded point")
    .option("-q, --quiet", "no progress or warnings on stderr")
    .option("--no-color", "no colour (also off when NO_COLOR or CI is set, or not a TTY)")
    .addOption(new Option("--resume [state]").hideHelp())
    .addHelpText("after", EXIT_HELP)
    .action(async (input: string | undefined, flags: RangeTestFlags) => {
      setCode(await rangeTestCommand(input, flags, io));
    });

  program
    .command("schedule")
    .description("preview a learning-rate schedule: lr (and momentum) per step")
    .argument(
      "[spec-or-kind]",
      `a spec file with a schedule: block, or a kind (cosine, one_cycle, ...)`,
    )
    .option("--steps <n>", "steps to show", parse.positiveInt)
    .option("--base-lr <lr>", "base learning rate", parse.positiveNumber)
    .option("--max-lr <lr>", "peak learning rate (cyclic, one_cycle)", parse.positiveNumber)
    .option(
      "--set <key=value>",
      "any schedule parameter, e.g. --set t_max=100 (repeatable)",
      collect,
      [],
    )
    .option("--from <result.json>", "take the rates from a range-test result (range, suggestion)")
    .option("--json", 'print only {"lr": [...], "momentum": [...]} on stdout')
    .option("-q, --quiet", "no warnings on stderr")
    .action((input: string | undefined, flags: ScheduleFlags) => {
      setCode(scheduleCommand(input, flags, io));
    });

  program
    .command("train")
    .description("train the MLP with the spec's optimizer and schedule; --check the suggestion")
    .argument("[spec]", "spec file with train: (and optionally schedule: / verify:) blocks")
    .option("--lr <lr>", "constant learning rate when there is no schedule", parse.positiveNumber)
    .option("--from <result.json>", "take the rates from a range-test result (range, suggestion)")
    .option("--check", "train briefly at the suggestion ×0.1, ×1, ×10 and compare")
    .option("--epochs <n>", "epochs (train.epochs)", parse.positiveInt)
    .option("--batch-size <n>", "rows per batch (train.batch_size)", parse.positiveInt)
    .option("--patience <n>", "early stopping: epochs without improvement", parse.positiveInt)
    .option("--seed <n>", "random seed", parse.seed)
    .option("--save-weights <file>", "write the final weights as JSON (the model.weights format)")
    .option("--json", "print only JSON on stdout")
    .option("-q, --quiet", "no warnings on stderr")
    .option("--no-color", "no colour")
    .action(async (input: string | undefined, flags: TrainFlags) => {
      setCode(await trainCommand(input, flags, io));
    });

  program
    .command("merge")
    .description("join the shards of a grid run into the result of the whole grid")
    .argument("<shards...>", "JSON results written with --shard i/n")
    .option("--out <file>", "also write the merged result (.json)", collect, [])
    .option("--json", "print only JSON on stdout")
    .action((files: string[], flags: GridFlags) => {
      setCode(mergeCommand(files, flags, io));
    });

  program
    .command("compare")
    .description(
      "compare a result with a baseline: how far the suggestions moved (exit 3 beyond --tolerance)",
    )
    .argument("<baseline>", "baseline result JSON")
    .argument("<current>", "current result JSON")
    .option(
      "--tolerance <decades>",
      "allowed move of the suggestion (default 0.5)",
      parse.positiveNumber,
    )
    .option("--json", "print only JSON on stdout")
    .action((baseline: string, current: string, flags: CompareFlags) => {
      setCode(compareCommand(baseline, current, flags, io));
    });

  program
    .command("schema")
    .description("print the JSON Schema of the --json result (generated from its zod schema)")
    .option("--grid", "the schema of a grid result (--shard, merge) instead")
    .action((flags: { grid?: boolean }) => {
      io.stdout.write(`${JSON.stringify(resultJsonSchema(flags.grid === true), null, 2)}\n`);
      setCode(EXIT.ok);
    });

  program
    .command("scale")
    .description("scale a learning rate found at one batch size to another (linear and sqrt rules)")
    .requiredOption("--lr <lr>", "the learning rate found", parse.positiveNumber)
    .requiredOption("--from-batch <n>", "batch size it was found at", parse.positiveInt)
    .requiredOption("--to-batch <n>", "batch size you will train with", parse.positiveInt)
    .option("--json", "print only JSON on stdout")
    .action((flags: ScaleFlags) => {
      setCode(scaleCommand(flags, io));
    });

  return program;
}

const EXIT_HELP = `
Exit codes: 0 success; 1 unexpected error (a bug); 2 bad input (spec, flags,
data); 3 a check failed: no suggestion could be derived, an expectation
(--expect-lr, expect:) did not hold, or the suggestion moved beyond --tolerance
from --baseline; 130 interrupted (Ctrl-C): the steps run so far are reported.

Examples:
  lr-find configs/iris.yaml
  lr-find data.csv --target species --optimizer sgd,adam --json > result.json`;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Run the CLI and return its exit code; never throws. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await buildProgram(io, (c) => (code = c)).parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    return reportError(error, (text) => io.stderr.write(text));
  }
}
