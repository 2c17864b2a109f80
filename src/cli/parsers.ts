// Strict parsers for numeric and list flags: a bad value is rejected with the reason.

import { InvalidArgumentError } from "commander";

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function number(raw: string): number {
  const text = raw.trim();
  const value = Number(text);
  if (!DECIMAL.test(text) || !Number.isFinite(value)) {
    throw new InvalidArgumentError(`expected a decimal number such as 1e-4, got '${raw}'.`);
  }
  return value;
}

/** A number > 0 (learning rates). */
export function positiveNumber(raw: string): number {
  const value = number(raw);
  if (!(value > 0)) throw new InvalidArgumentError(`expected a number > 0, got '${raw}'.`);
  return value;
}

/** A whole number ≥ 1 (iterations, batch size, repeats). */
export function positiveInt(raw: string): number {
  const value = number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(`expected a whole number ≥ 1, got '${raw}'.`);
  }
  return value;
}

/** A whole number ≥ 0 (seeds). */
export function seed(raw: string): number {
  const value = number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 2 ** 32 - 1) {
    throw new InvalidArgumentError(`expected a whole number from 0 to 4294967295, got '${raw}'.`);
  }
  return value;
}

/** A fraction in [0, 1). */
export function fraction(raw: string): number {
  const value = number(raw);
  if (!(value >= 0 && value < 1))
    throw new InvalidArgumentError(`expected 0 ≤ x < 1, got '${raw}'.`);
  return value;
}

/** A divergence factor > 1, or "off"/"false" to disable the stop. */
export function divergence(raw: string): number | false {
  if (raw === "off" || raw === "false") return false;
  const value = number(raw);
  if (!(value > 1)) throw new InvalidArgumentError(`expected a factor > 1 or 'off', got '${raw}'.`);
  return value;
}

/** Comma-separated names: "sgd,adam". */
export function nameList(raw: string): string[] {
  const names = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new InvalidArgumentError("expected one or more names.");
  return names;
}

/** Comma-separated widths: "64,32". */
export function intList(raw: string): number[] {
  return raw.split(",").map((s) => positiveInt(s));
}

/** "2/3": shard 2 of 3 (1-based). */
export function shard(raw: string): { index: number; count: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(count >= 1 && index >= 1 && index <= count)) {
    throw new InvalidArgumentError(`expected i/n with 1 ≤ i ≤ n, e.g. 2/3, got '${raw}'.`);
  }
  return { index, count };
}
