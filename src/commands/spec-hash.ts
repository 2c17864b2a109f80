// A fingerprint of what a run computed, so results from different specs are never merged.

import { createHash } from "node:crypto";

import type { ResolvedSpec } from "../spec/load-spec.js";

/**
 * sha256 of the resolved spec without its seed, source path and grid selection, with keys in
 * a fixed order: shards of one grid share it; a changed setting changes it.
 */
export function specHash(spec: ResolvedSpec): string {
  const { seed: _seed, source: _source, ...rest } = spec as ResolvedSpec & { seed?: number };
  return createHash("sha256").update(stable(rest)).digest("hex").slice(0, 16);
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    const record = value as Record<string, unknown>;
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stable(record[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
