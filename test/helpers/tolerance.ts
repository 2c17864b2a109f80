// Numeric comparison against reference values, reporting the largest difference.

import { expect } from "vitest";

/** Decode the golden files' non-finite encoding ("NaN", "Infinity", "-Infinity"). */
export const num = (v: number | string): number =>
  typeof v === "number" ? v : v === "NaN" ? NaN : v === "Infinity" ? Infinity : -Infinity;

/** Flatten nested number arrays. */
export function flat(v: unknown): number[] {
  return Array.isArray(v) ? v.flatMap((x) => flat(x)) : [num(v as number | string)];
}

/** Assert |a − e| ≤ atol + rtol·|e| for every element; the message names the worst element. */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rtol: number,
  atol: number,
  what: string,
): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  let worst = -1;
  let worstExcess = 0;
  let maxDiff = 0;

  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs(actual[i] - expected[i]);
    maxDiff = Math.max(maxDiff, diff);
    const excess = diff - (atol + rtol * Math.abs(expected[i]));
    if (excess > worstExcess || Number.isNaN(diff)) {
      worstExcess = Number.isNaN(diff) ? Infinity : excess;
      worst = i;
    }
  }

  const detail =
    worst < 0
      ? ""
      : `${what}: element ${worst}: got ${actual[worst]}, want ${expected[worst]}` +
        ` (largest |diff| ${maxDiff.toExponential(2)}, rtol ${rtol}, atol ${atol})`;
  expect(worst, detail).toBe(-1);
}
