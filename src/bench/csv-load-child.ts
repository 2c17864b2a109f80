// Child process of csv-load.ts: load one CSV with the project's loader and print one JSON
// line with the time and this process's peak memory.
//
//   node dist/bench/csv-load-child.js FILE

import { statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { loadDataset } from "../data/load-dataset.js";
import { dataSchema } from "../data/schema.js";

const file = process.argv[2];
if (file === undefined) throw new Error("usage: csv-load-child.js FILE");

const { size } = statSync(file);
const config = dataSchema.parse({ path: file });
const t0 = performance.now();
const dataset = await loadDataset(config, 1);
const seconds = (performance.now() - t0) / 1000;

const rows = dataset.train.rows + (dataset.validation?.rows ?? 0);
const mb = 1024 * 1024;
process.stdout.write(
  JSON.stringify({
    rows,
    features: dataset.features,
    seconds,
    rowsPerS: rows / seconds,
    mbPerS: size / 1e6 / seconds,
    peakRssMb: (process.resourceUsage().maxRSS * 1024) / mb,
    heapUsedMb: process.memoryUsage().heapUsed / mb,
  }) + "\n",
);
