// Unknown keys reported one by one, each at its own line, with the nearest known key.

import { dataSchema } from "../data/schema.js";
import { modelSchema, suggestSchema } from "./schema.js";
import { sweepSchema } from "../sweep/schema.js";
import { trainSchema, verifySchema } from "../train/schema.js";

const TOP_LEVEL = [
  "data",
  "model",
  "optimizer",
  "sweep",
  "suggest",
  "seed",
  "schedule",
  "train",
  "verify",
  "expect",
  "grid",
];

// the keys each block allows, read off the schemas so they are never listed twice
const KNOWN: Record<string, string[]> = {
  "": TOP_LEVEL,
  data: Object.keys(dataSchema.shape),
  model: Object.keys(modelSchema.shape),
  sweep: Object.keys(sweepSchema.shape),
  suggest: Object.keys(suggestSchema.shape),
  train: Object.keys(trainSchema.shape),
  verify: Object.keys(verifySchema.shape),
};

/** "unknown key 'shufle' (did you mean 'shuffle'?)" for a key under the dotted `parent`. */
export function unknownKeyMessage(parent: string, key: string): string {
  const known = KNOWN[parent];
  const near = known ? nearest(key, known) : undefined;
  return near ? `unknown key '${key}' (did you mean '${near}'?)` : `unknown key '${key}'`;
}

function nearest(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

// Levenshtein distance; keys are short, so the plain O(ab) table is fine
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost));
    }
    prev = row;
  }
  return prev[b.length];
}
