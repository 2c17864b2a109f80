// Human-readable reports of `lr-find train` and `lr-find train --check`.

import asciichart from "asciichart";
import Table from "cli-table3";

import type { CheckResult, TrainRunResult } from "../commands/train.js";
import { fmtNum, type Style } from "./format.js";

const MAX_ROWS = 20;

/** Header, loss-per-epoch chart, epoch table and how the run ended. */
export function renderTrain(run: TrainRunResult, style: Style, width: number): string {
  const { result, spec } = run;
  const opt = spec.optimizers[0].name;
  const out = [
    style.bold(`lr-find ${run.version} · training run`),
    `${style.bold("model".padEnd(10))}${run.sizes.join("-")} ${spec.model.activation}, ${opt}, ` +
      `batch ${spec.train.batch_size}`,
    `${style.bold("schedule".padEnd(10))}${run.schedule.kind}: ` +
      `lr ${fmtNum(run.schedule.lr_first)}, peak ${fmtNum(run.schedule.lr_max)}, ` +
      `last ${fmtNum(run.schedule.lr_last)} ` +
      `over ${spec.train.epochs} epochs × ${result.steps_per_epoch} steps`,
    "",
  ];

  const val = result.epochs.map((e) => e.val_loss).filter((v): v is number => v !== null);
  const trn = result.epochs.map((e) => e.train_loss).filter((v): v is number => v !== null);
  if (val.length >= 2) {
    // a diverging epoch would flatten the rest of the curve: clip at 3× the first epoch's loss
    const cap = 3 * Math.max(val[0], trn[0] ?? val[0]);
    const clip = (v: number[]) => fit(v, width).map((x) => Math.min(x, cap));
    const clipped = [...val, ...trn].some((v) => v > cap) ? `, clipped at ${fmtNum(cap)}` : "";
    out.push(style.dim(`loss per epoch (1 = validation, 2 = training${clipped})`));
    out.push(
      asciichart.plot([clip(val), clip(trn)], {
        height: 10,
        colors: style.color ? [asciichart.blue, asciichart.green] : undefined,
        format: (v: number) => fmtNum(v).padStart(9),
      }),
      "",
    );
  }

  const table = new Table({
    head: ["epoch", "train loss", "val loss", "val accuracy", "lr (last step)"],
    style: { head: style.color ? ["cyan"] : [], border: style.color ? ["grey"] : [] },
  });
  for (const e of sample(result.epochs)) {
    const acc = e.val_accuracy === null ? "–" : `${(100 * e.val_accuracy).toFixed(1)}%`;
    const mark = e.epoch === result.best_epoch ? " ◀ best" : "";
    table.push([`${e.epoch}${mark}`, fmtNum(e.train_loss), fmtNum(e.val_loss), acc, fmtNum(e.lr)]);
  }
  const skipped =
    result.epochs.length > MAX_ROWS
      ? [style.dim(`(${MAX_ROWS} of ${result.epochs.length} epochs shown; --json has every one)`)]
      : [];
  out.push(table.toString(), ...skipped, "", stopLine(run, style));
  return out.join("\n");
}

/** The suggestion checked at its multiples, side by side, with the verdict. */
export function renderCheck(check: CheckResult, style: Style): string {
  const table = new Table({
    head: ["lr", "× suggestion", `val loss after ${check.epochs} epochs`, "val accuracy"],
    style: { head: style.color ? ["cyan"] : [], border: style.color ? ["grey"] : [] },
  });
  for (const r of check.rows) {
    const acc = r.val_accuracy === null ? "–" : `${(100 * r.val_accuracy).toFixed(1)}%`;
    const loss = r.val_loss === null ? "diverged" : fmtNum(r.val_loss);
    const mark = r.factor === check.best_factor ? " ◀" : "";
    table.push([fmtNum(r.lr), `${r.factor}${mark}`, loss, acc]);
  }
  return [
    style.bold(
      `lr-find ${check.version} · checking the suggested lr ` +
        `${fmtNum(check.suggestion.lr)} (${check.suggestion.method})`,
    ),
    "",
    table.toString(),
    "",
    `${style.bold("verdict")}   ${check.verdict}`,
  ].join("\n");
}

function stopLine(run: TrainRunResult, style: Style): string {
  const { result } = run;
  const best = result.epochs.find((e) => e.epoch === result.best_epoch);
  const bestText = best
    ? `best validation loss ${fmtNum(best.val_loss)} at epoch ${best.epoch}`
    : "";
  const why = {
    completed: `completed ${result.epochs.length} epochs`,
    early_stopped:
      `stopped early after epoch ${result.epochs.length} (patience ` +
      `${run.spec.train.patience}); restored the weights of epoch ${result.best_epoch}`,
    non_finite: `stopped at epoch ${result.epochs.length}: the loss became non-finite`,
  }[result.stop];
  return `${style.bold("stop")}      ${why}${bestText ? `; ${bestText}` : ""}`;
}

function fit(values: number[], width: number): number[] {
  const cols = Math.max(2, Math.min(width - 14, values.length));
  if (values.length <= cols) return values;
  return Array.from(
    { length: cols },
    (_, c) => values[Math.round((c * (values.length - 1)) / (cols - 1))],
  );
}

// at most MAX_ROWS epochs, evenly spaced, always with the first and the last
function sample<T extends { epoch: number }>(epochs: T[]): T[] {
  if (epochs.length <= MAX_ROWS) return epochs;
  const keep = new Set<number>();
  for (let k = 0; k < MAX_ROWS; k++)
    keep.add(Math.round((k * (epochs.length - 1)) / (MAX_ROWS - 1)));
  return epochs.filter((_, i) => keep.has(i));
}
