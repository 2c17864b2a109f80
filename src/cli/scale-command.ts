// `lr-find scale`: carry a learning rate found at one batch size over to another.

import { linearScaledLr, sqrtScaledLr } from "../schedule/batch-scaling.js";
import { fmtNum } from "../report/format.js";
import { EXIT } from "./exit.js";
import type { Io } from "./io.js";

export interface ScaleFlags {
  lr: number;
  fromBatch: number;
  toBatch: number;
  json?: boolean;
}

/** Print the lr under the linear (Goyal et al. 2017) and square-root (Hoffer et al. 2017) rules. */
export function scaleCommand(flags: ScaleFlags, io: Io): number {
  const linear = linearScaledLr(flags.lr, flags.fromBatch, flags.toBatch);
  const sqrt = sqrtScaledLr(flags.lr, flags.fromBatch, flags.toBatch);

  if (flags.json) {
    const out = {
      lr: flags.lr,
      from_batch: flags.fromBatch,
      to_batch: flags.toBatch,
      linear,
      sqrt,
    };
    io.stdout.write(`${JSON.stringify(out)}\n`);
    return EXIT.ok;
  }

  const k = flags.toBatch / flags.fromBatch;
  io.stdout.write(
    `lr ${fmtNum(flags.lr)} found at batch ${flags.fromBatch}, training at batch ${flags.toBatch}` +
      ` (×${fmtNum(k)}):\n` +
      `  linear rule (Goyal et al. 2017):      ${fmtNum(linear)}` +
      "  (use with a warmup when k is large)\n" +
      `  square-root rule (Hoffer et al. 2017): ${fmtNum(sqrt)}\n` +
      "Both are starting points: a range test at the new batch size is the real answer.\n",
  );
  return EXIT.ok;
}
