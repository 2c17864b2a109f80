// Progress on stderr: an ora spinner on a TTY, sparse plain lines otherwise, nothing if quiet.

import ora from "ora";

import type { Io } from "./io.js";

const PLAIN_INTERVAL_MS = 5000;

export interface Progress {
  update(run: number, name: string, step: number, total: number): void;
  stop(): void;
}

/** A progress reporter fitting the terminal; never writes to stdout. */
export function createProgress(io: Io, options: { quiet: boolean }): Progress {
  if (options.quiet) return { update: () => {}, stop: () => {} };

  if (io.animate) {
    const spinner = ora({ stream: io.stderr, text: "loading data" }).start();
    return {
      update: (run, name, step, total) => {
        spinner.text = `sweep ${run + 1} (${name}): step ${step}/${total}`;
      },
      stop: () => spinner.stop(),
    };
  }

  let last = Date.now();
  return {
    update: (run, name, step, total) => {
      const now = Date.now();
      if (now - last < PLAIN_INTERVAL_MS) return;
      last = now;
      io.stderr.write(`lr-find: sweep ${run + 1} (${name}): step ${step}/${total}\n`);
    },
    stop: () => {},
  };
}
