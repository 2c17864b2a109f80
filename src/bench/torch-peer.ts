// Optional: PyTorch measured side by side, when python3 with torch is installed and the
// peers' torch_bench.py is at hand. It trains on the same synthetic data, written in the
// peers' raw format (bench-peers/make_data.py describes it).

import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Split } from "../data/types.js";
import type { Workload, WorkloadId } from "./workloads.js";

const run = promisify(execFile);
const DATA_NAME: Record<WorkloadId, string> = { W1: "digits", W2: "mnist-size", W3: "wide" };

/** python3 and torch_bench.py if both work here, else null and why not. */
export async function findTorch(peersDir: string) {
  const script = join(peersDir, "torch_bench.py");
  if (!existsSync(script)) return { ok: false as const, why: `${script} not found` };

  for (const python of ["/usr/bin/python3", "python3"]) {
    try {
      await run(python, ["-c", "import torch, threadpoolctl"], { timeout: 60_000 });
      return { ok: true as const, python, script };
    } catch {
      // try the next interpreter
    }
  }
  return { ok: false as const, why: "python3 cannot import torch and threadpoolctl" };
}

/** Write the workloads' data where torch_bench.py --data reads it. */
export async function writePeerData(dir: string, sets: Map<Workload, Split>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const meta: Record<string, object> = {};

  for (const [w, split] of sets) {
    const name = DATA_NAME[w.id];
    const F = w.sizes[0];
    const classes = w.loss === "cross_entropy" ? w.sizes[w.sizes.length - 1] : 0;
    const target = classes > 0 ? `${name}_y.i32` : `${name}_y.f32`;
    const y = classes > 0 ? Int32Array.from(split.y) : split.y;
    await writeFile(join(dir, `${name}_x.f32`), bytesOf(split.x));
    await writeFile(join(dir, target), bytesOf(y));
    meta[name] = { n: split.rows, d: F, classes, target };
  }

  await writeFile(join(dir, "meta.json"), JSON.stringify(meta, null, 1));
}

/**
 * One torch_bench.py measurement, 1 thread: samples/s (NaN when it failed) and the BLAS
 * kernels OpenBLAS chose, which decide much of PyTorch's speed.
 */
export async function runTorch(python: string, script: string, id: WorkloadId, dataDir: string) {
  try {
    const args = [script, "--workload", id, "--threads", "1", "--data", dataDir];
    const { stdout } = await run(python, args, { timeout: 120_000 });
    const line = stdout.trim().split("\n").pop() ?? "{}";
    const r = JSON.parse(line) as { samples_per_s?: number; blas?: { architecture?: string }[] };
    return { samplesPerS: Number(r.samples_per_s ?? NaN), blas: r.blas?.[0]?.architecture ?? "?" };
  } catch {
    return { samplesPerS: NaN, blas: "?" };
  }
}

// Little-endian on every machine Node runs on here (x86-64, arm64).
function bytesOf(a: Float32Array | Int32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}
