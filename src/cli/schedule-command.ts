// `lr-find schedule`: preview a learning-rate schedule from a spec, flags, or a range-test result.

import { applyRates, readSavedRates } from "../commands/rates-from-result.js";
import { LrFindError, SpecError } from "../errors.js";
import { fmtNum } from "../report/format.js";
import { renderSeries } from "../report/schedule-chart.js";
import { parseSchedule } from "../schedule/parse-schedule.js";
import { createSchedule, tabulateSchedule } from "../schedule/create-schedule.js";
import { SCHEDULE_KINDS } from "../schedule/schema.js";
import { scheduleWarnings } from "../schedule/warnings.js";
import { lineOf } from "../spec/locate.js";
import { isSpecPath, readSpecFile } from "../spec/read-spec-file.js";
import { EXIT } from "./exit.js";
import type { Io } from "./io.js";

export interface ScheduleFlags {
  steps?: number;
  baseLr?: number;
  maxLr?: number;
  set?: string[];
  from?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Print the schedule's lr per step (chart, or JSON with --json); returns the exit code. */
export function scheduleCommand(input: string | undefined, flags: ScheduleFlags, io: Io): number {
  if (input === undefined) {
    throw new LrFindError(
      "flag.invalid",
      "lr-find schedule needs a spec file or a kind",
      {},
      `e.g. lr-find schedule configs/one-cycle.yaml, or lr-find schedule cosine --steps 100 ` +
        `--base-lr 0.1 (kinds: ${SCHEDULE_KINDS.join(", ")})`,
    );
  }

  const { block, file, locate } = readBlock(input);
  applyFlags(block, flags);
  let config;
  try {
    config = parseSchedule(block, file);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    const issues = error.issues.map((i) => ({ ...i, line: locate(i.path) }));
    throw new SpecError(file, issues);
  }

  const { lr, momentum } = tabulateSchedule(createSchedule(config), config.steps);
  const warnings = scheduleWarnings(config);
  if (!flags.quiet) {
    for (const w of warnings)
      io.stderr.write(`lr-find: warning: schedule.${w.path}: ${w.message}\n`);
  }

  if (flags.json) {
    const out: { lr: number[]; momentum?: number[] } = { lr: Array.from(lr) };
    if (momentum) out.momentum = Array.from(momentum);
    io.stdout.write(`${JSON.stringify(out)}\n`);
    return EXIT.ok;
  }

  const head =
    `schedule  ${config.kind}, ${config.steps} steps, lr ${fmtNum(lr[0])} at step 0, ` +
    `${fmtNum(Math.max(...lr))} at most, ${fmtNum(lr[lr.length - 1])} at the end`;
  const parts = [head, "", renderSeries("lr", lr, io.columns)];
  if (momentum)
    parts.push("", renderSeries("momentum (beta1 for adam/adamw)", momentum, io.columns));
  io.stdout.write(`${parts.join("\n")}\n`);
  return EXIT.ok;
}

interface Block {
  block: Record<string, unknown>;
  file: string | undefined;
  locate: (path: string) => number | undefined;
}

// a spec file's `schedule:` block (with line lookup), or a bare kind given on the command line
function readBlock(input: string): Block {
  if (!isSpecPath(input))
    return { block: { kind: input }, file: undefined, locate: () => undefined };

  const { raw, source } = readSpecFile(input);
  const file = source.file;
  const block = raw.schedule;
  if (block === null || typeof block !== "object" || Array.isArray(block)) {
    throw new SpecError(file, [
      { path: "schedule", message: "expected a `schedule:` block with a kind" },
    ]);
  }
  const locate = (path: string) =>
    lineOf(
      source,
      path
        .split(/[.[\]]+/)
        .filter(Boolean)
        .map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
    );
  return { block: { ...(block as Record<string, unknown>) }, file, locate };
}

function applyFlags(block: Record<string, unknown>, flags: ScheduleFlags): void {
  if (flags.from !== undefined) applyRates(block, readSavedRates(flags.from));
  if (flags.steps !== undefined) block.steps = flags.steps;
  if (flags.baseLr !== undefined) block.base_lr = flags.baseLr;
  if (flags.maxLr !== undefined) block.max_lr = flags.maxLr;

  for (const pair of flags.set ?? []) {
    const eq = pair.indexOf("=");
    if (eq <= 0) {
      throw new LrFindError(
        "flag.invalid",
        `--set ${pair}: expected key=value`,
        { path: "--set" },
        "e.g. --set t_max=100 --set eta_min=1e-4",
      );
    }
    const key = pair.slice(0, eq).trim();
    const text = pair.slice(eq + 1).trim();
    block[key] = parseValue(text);
  }
}

function parseValue(text: string): unknown {
  if (text === "true" || text === "false") return text === "true";
  if (/^\[.*\]$/.test(text)) return text.slice(1, -1).split(",").filter(Boolean).map(parseValue);
  const n = Number(text);
  return text !== "" && Number.isFinite(n) && /^[+-]?[\d.]/.test(text) ? n : text;
}
