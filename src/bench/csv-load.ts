// Time and peak memory of loading a large CSV through the project's data loader. The load
// runs in a child process (csv-load-child.ts), so its peak resident set is its own and not
// the benchmark's.

import { execFile } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createRng } from "../random.js";

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const FEATURES = 20;
const CLASSES = 5;

/** What the child reports, plus the file it loaded. */
export interface CsvLoadResult {
  bytes: number;
  rows: number;
  features: number;
  seconds: number;
  rowsPerS: number;
  mbPerS: number;
  peakRssMb: number; // resourceUsage().maxRSS of the loading process
  heapUsedMb: number; // after the load, the dataset still alive
  error?: string;
}

/** Write a CSV of about `megabytes` MB and load it in a fresh process. */
export async function benchCsvLoad(megabytes: number, seed = 7): Promise<CsvLoadResult> {
  const dir = await mkdtemp(join(tmpdir(), "lr-find-bench-"));
  const file = join(dir, "large.csv");
  try {
    await writeCsv(file, megabytes * 1e6, seed);
    const bytes = (await stat(file)).size;
    const child = join(HERE, "csv-load-child.js");
    try {
      const { stdout } = await run(process.execPath, [child, file], {
        maxBuffer: 1 << 20,
        timeout: 10 * 60 * 1000,
      });
      return { bytes, ...(JSON.parse(stdout) as Omit<CsvLoadResult, "bytes">) };
    } catch (error) {
      const message = (error as { stderr?: string; message: string }).stderr || String(error);
      const blank = { rows: 0, features: FEATURES, seconds: NaN, rowsPerS: NaN, mbPerS: NaN };
      return { bytes, ...blank, peakRssMb: NaN, heapUsedMb: NaN, error: lastLine(message) };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Rows of FEATURES numbers with 4–6 significant digits and a class label, with a header.
async function writeCsv(file: string, targetBytes: number, seed: number): Promise<void> {
  const rng = createRng(seed);
  const out = createWriteStream(file);
  const header = [...Array.from({ length: FEATURES }, (_, f) => `x${f}`), "label"];
  let written = 0;
  let chunk = header.join(",") + "\n";

  while (written + chunk.length < targetBytes) {
    for (let r = 0; r < 2000; r++) {
      const cells: string[] = [];
      for (let f = 0; f < FEATURES; f++) cells.push((rng.uniform() * 200 - 100).toFixed(3));
      cells.push(`c${rng.int(CLASSES)}`);
      chunk += cells.join(",") + "\n";
    }
    written += chunk.length;
    if (!out.write(chunk)) await once(out, "drain");
    chunk = "";
  }

  out.end();
  await once(out, "finish");
}

function lastLine(text: string): string {
  const lines = text.trim().split("\n");
  return lines[lines.length - 1] ?? "";
}
