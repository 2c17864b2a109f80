// Run the CLI in-process with captured streams, or spawn the built binary.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";

import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

class Sink extends Writable {
  text = "";
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** main(argv) with colour and animation off, as under CI. */
export async function runCli(argv: string[]): Promise<CliRun> {
  const stdout = new Sink();
  const stderr = new Sink();
  const io: Io = { stdout, stderr, color: false, animate: false, columns: 80, env: {} };
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export const REPO = new URL("../../", import.meta.url).pathname;
export const BIN = join(REPO, "bin", "lr-find.js");

/** Spawn the built CLI (dist/ must exist: `npm test` builds first). */
export function spawnCli(argv: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, CI: "true", NO_COLOR: "1", ...env },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder: `write` puts a file in it, `cleanup` removes it all. */
export function tempDir(): {
  dir: string;
  write: (name: string, text: string) => string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), "lr-find-test-"));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  return { dir, write, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
