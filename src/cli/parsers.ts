// Strict parsers for numeric and list flags: a bad value is rejected with the reason.

import { InvalidArgumentError } from "commander";

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function number(raw: string): number {
  const text = raw.trim();
  const value = Number(text);
  if (!DECIMAL.test(text) || !Number.isFinite(value)) {
    throw new InvalidArgumentError(`expected a decimal number such as 1e-4.`);
  }
  return value;
}

/** A number > 0 (learning rates). */
export function positiveNumber(raw: string): number {
  const value = number(raw);
  if (!(value > 0)) throw new InvalidArgumentError(`expected a number > 0.`);
  return value;
}

/** A whole number ≥ 1 (iterations, batch size, repeats). */
export function positiveInt(raw: string): number {
  const value = /^\s*\+?\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(`expected a whole number ≥ 1.`);
  }
  return value;
}

/** A whole number ≥ 0 (seeds). */
export function seed(raw: string): number {
  const value = /^\s*\+?\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < 0 || value > 2 ** 32 - 1) {
    throw new InvalidArgumentError(`expected a whole number from 0 to 4294967295.`);
  }
  return value;
}

/** A fraction in [0, 1). */
export function fraction(raw: string): number {
  const value = number(raw);
  if (!(value >= 0 && value < 1)) throw new InvalidArgumentError(`expected 0 ≤ x < 1.`);
  return value;
}

/** A divergence factor > 1, or "off"/"false" to disable the stop. */
export function divergence(raw: string): number | false {
  if (raw === "off" || raw === "false") return false;
  const value = number(raw);
  if (!(value > 1)) throw new InvalidArgumentError(`expected a factor > 1 or 'off'.`);
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

/** Comma-separated column names or 0-based indices: "a,b" or "0,3". */
export function columnList(raw: string): (string | number)[] {
  const names = raw.split(",").map((s) => s.trim());
  if (names.some((n) => n === "")) {
    throw new InvalidArgumentError(`expected names or indices separated by commas.`);
  }
  return names.map((n) => (/^\d+$/.test(n) ? Number(n) : n));
}

/** One character, with \\t (or "tab") for a tab. */
export function delimiter(raw: string): string {
  const value = raw === "\\t" || raw === "tab" ? "\t" : raw;
  if (value.length !== 1) {
    throw new InvalidArgumentError(`expected one character (or \\t).`);
  }
  return value;
}

/** Comma-separated widths: "64,32". */
export function intList(raw: string): number[] {
  const widths = raw.split(",").map((s) => (/^\s*\d+\s*$/.test(s) ? Number(s) : NaN));
  if (widths.some((w) => !(w >= 1))) {
    throw new InvalidArgumentError("expected widths ≥ 1 separated by commas, e.g. 64 or 64,32.");
  }
  return widths;
}

/** "2/3": shard 2 of 3 (1-based). */
export function shard(raw: string): { index: number; count: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(count >= 1 && index >= 1 && index <= count)) {
    throw new InvalidArgumentError(`expected i/n with 1 ≤ i ≤ n, e.g. 2/3.`);
  }
  return { index, count };
}
