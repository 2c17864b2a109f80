// Progress on stderr: an ora spinner on a TTY, sparse plain lines otherwise, nothing if quiet.

import ora from "ora";

import type { LoadProgress } from "../data/types.js";
import type { Io } from "./io.js";

const PLAIN_INTERVAL_MS = 5000;

export interface Progress {
  update(run: number, name: string, step: number, total: number): void;
  loading(info: LoadProgress): void;
  stop(): void;
}

// "pass 1/2: 1.2M rows, 340 MB of 1.0 GB, 137k rows/s"
function loadingText(info: LoadProgress, seconds: number): string {
  const rate = seconds > 0 ? ` · ${compact(info.rows / seconds)} rows/s` : "";
  const of = info.totalBytes ? ` of ${mb(info.totalBytes)}` : "";
  const read = `${compact(info.rows)} rows, ${mb(info.bytes)}${of}`;
  return `loading data, pass ${info.pass}/2: ${read}${rate}`;
}

function compact(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(0)}k`;
  return String(Math.round(n));
}

function mb(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(0)} MB`;
}

/** A progress reporter fitting the terminal; never writes to stdout. */
export function createProgress(io: Io, options: { quiet: boolean }): Progress {
  if (options.quiet) return { update: () => {}, loading: () => {}, stop: () => {} };
  const started = Date.now();
  let passStart = started;
  let pass = 1;
  const passSeconds = (info: LoadProgress) => {
    if (info.pass !== pass) {
      pass = info.pass;
      passStart = Date.now();
    }
    return (Date.now() - passStart) / 1000;
  };

  if (io.animate) {
    const spinner = ora({ stream: io.stderr, text: "loading data" }).start();
    return {
      update: (run, name, step, total) => {
        spinner.text = `sweep ${run + 1} (${name}): step ${step}/${total}`;
      },
      loading: (info) => {
        spinner.text = loadingText(info, passSeconds(info));
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
    loading: (info) => {
      const seconds = passSeconds(info);
      const now = Date.now();
      if (now - last < PLAIN_INTERVAL_MS) return;
      last = now;
      io.stderr.write(`lr-find: ${loadingText(info, seconds)}\n`);
    },
    stop: () => {},
  };
}
