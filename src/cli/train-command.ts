// `lr-find train SPEC`: train for real with the found rate, or --check the suggestion.

import { randomInt } from "node:crypto";
import { readSavedRates } from "../commands/rates-from-result.js";
import { runCheck, runTraining } from "../commands/train.js";
import { LrFindError } from "../errors.js";
import { createLayout } from "../model/layout.js";
import { saveWeights } from "../model/weights.js";
import { createStyle, wrapText } from "../report/format.js";
import { renderCheck, renderTrain } from "../report/train-report.js";
import { isSpecPath } from "../spec/read-spec-file.js";
import { loadSpec, type Override } from "../spec/load-spec.js";
import { EXIT } from "./exit.js";
import { writeOutput } from "./write-output.js";
import type { Io } from "./io.js";

export interface TrainFlags {
  lr?: number;
  from?: string;
  check?: boolean;
  epochs?: number;
  batchSize?: number;
  patience?: number;
  seed?: number;
  saveWeights?: string;
  json?: boolean;
  quiet?: boolean;
  color?: boolean;
}

/** Run `train` or `train --check` and print its report; returns the exit code. */
export async function trainCommand(input: string | undefined, flags: TrainFlags, io: Io) {
  if (input === undefined) {
    throw new LrFindError(
      "flag.invalid",
      "lr-find train needs a spec file",
      {},
      "e.g. lr-find train configs/iris-train.yaml",
    );
  }
  if (!isSpecPath(input)) {
    throw new LrFindError(
      "flag.invalid",
      `lr-find train needs a spec file (.yaml/.json), got ${input}`,
      {},
      "write a spec with data:, optimizer: and train: (see configs/iris-train.yaml)",
    );
  }
  const overrides: Override[] = [];
  const put = (path: string, value: unknown, flag: string) => {
    if (value !== undefined) overrides.push({ path: path.split("."), value, flag });
  };
  put("train.epochs", flags.epochs, "--epochs");
  put("train.batch_size", flags.batchSize, "--batch-size");
  put("train.patience", flags.patience, "--patience");
  put("seed", flags.seed, "--seed");

  const spec = loadSpec(input, overrides);
  const seed = spec.seed ?? randomInt(0, 2 ** 31);
  const rates = flags.from === undefined ? undefined : readSavedRates(flags.from);
  const style = createStyle(flags.color !== false && io.color);
  const options = { lr: flags.lr, rates };

  if (flags.check) {
    const check = await runCheck({ ...spec, seed }, options);
    warn(io, flags, check.warnings);
    io.stdout.write(
      flags.json ? `${JSON.stringify(check, null, 2)}\n` : `${renderCheck(check, style)}\n`,
    );
    return EXIT.ok;
  }

  const run = await runTraining({ ...spec, seed }, options);
  if (flags.saveWeights !== undefined) {
    const weights = saveWeights(createLayout(run.sizes), run.params);
    writeOutput("--save-weights", flags.saveWeights, `${JSON.stringify(weights)}\n`);
  }
  warn(io, flags, run.warnings);

  if (flags.json) {
    const { params: _params, ...rest } = run;
    io.stdout.write(`${JSON.stringify(rest, null, 2)}\n`);
  } else {
    io.stdout.write(`${renderTrain(run, style, io.columns)}\n`);
  }
  return EXIT.ok;
}

function warn(io: Io, flags: TrainFlags, warnings: string[]): void {
  if (flags.quiet) return;
  for (const w of warnings) io.stderr.write(`${wrapText(`lr-find: warning: ${w}`, io.columns)}\n`);
}
