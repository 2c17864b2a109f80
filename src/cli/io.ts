// The streams and terminal facts a command needs, injectable for tests.

/** Where output goes and what the terminal can do. */
export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** stdout is a TTY and neither NO_COLOR nor CI is set. */
  color: boolean;
  /** stderr is a TTY and CI is not set: spinners allowed. */
  animate: boolean;
  columns: number;
  env: NodeJS.ProcessEnv;
}

/** The real process streams with colour and animation decided from TTY, NO_COLOR and CI. */
export function processIo(): Io {
  const env = process.env;
  quietOnBrokenPipe();
  const ci = env.CI !== undefined && env.CI !== "" && env.CI !== "false" && env.CI !== "0";
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    color: process.stdout.isTTY === true && !noColor && !ci,
    // a terminal that reports no width (some containers, `script`) cannot redraw a spinner
    animate: process.stderr.isTTY === true && !ci && !noColor && (process.stderr.columns ?? 0) > 0,
    columns: Math.min(process.stdout.columns ?? 80, 120) || 80,
    env,
  };
}

// `lr-find --help | head -1`: the reader went away, which is no error of ours
function quietOnBrokenPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
      throw error;
    });
  }
}
