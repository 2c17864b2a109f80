// Field builders for the `schedule:` block. Each rejects a bad value with one message that
// names the key, the range it expects and the value it received, the same wording whether the
// value has the wrong type or is out of range.

import { z } from "zod";

import { shown } from "../shown.js";

export { shown };

type Issue = { input?: unknown };

function expected(key: string, range: string) {
  return (iss: Issue) => `expected ${key} ${range}, received ${shown(iss.input)}`;
}

// zod 4's z.number() already refuses NaN and ±Infinity, so every field here is finite.
function numberIn(key: string, range: string, accept: (value: number) => boolean) {
  const error = expected(key, range);
  return z.number({ error }).refine(accept, { error });
}

/** Learning rates, gammas, powers: finite and > 0. */
export function positive(key: string) {
  return numberIn(key, "> 0", (v) => v > 0);
}

/** Lower bounds such as eta_min: finite and >= 0. */
export function nonNegative(key: string) {
  return numberIn(key, ">= 0", (v) => v >= 0);
}

/** Divisors that must not raise the lr they divide (div_factor, final_div_factor). */
export function atLeastOne(key: string) {
  return numberIn(key, ">= 1", (v) => v >= 1);
}

/** Step counts and periods: whole numbers from `min` up. */
export function integerFrom(key: string, min: number) {
  return numberIn(key, `an integer >= ${min}`, (v) => Number.isSafeInteger(v) && v >= min);
}

/** Fractions of a run that must leave room on both sides, such as pct_start: (0, 1). */
export function openUnit(key: string) {
  return numberIn(key, "in (0, 1)", (v) => v > 0 && v < 1);
}

/**
 * Factors in (0, 1]: start factors (0 would waste the first update, BL-15; above 1 is no
 * warmup) and exp_range's gamma (above 1 the cycle's amplitude would grow without bound).
 */
export function upToOne(key: string) {
  return numberIn(key, "in (0, 1]", (v) => v > 0 && v <= 1);
}

/** End factors may reach 0 (PyTorch's LinearLR allows [0, 1]). */
export function unitInterval(key: string) {
  return numberIn(key, "in [0, 1]", (v) => v >= 0 && v <= 1);
}

/** SGD momentum or Adam's beta1: 1 would never forget. */
export function momentum(key: string) {
  return numberIn(key, "in [0, 1)", (v) => v >= 0 && v < 1);
}

/** A yes/no switch; YAML's "yes" strings are not accepted, only true and false. */
export function flag(key: string) {
  return z.boolean({ error: expected(key, "true or false") });
}

/** One word out of a fixed list. */
export function oneOf<const T extends readonly [string, ...string[]]>(key: string, values: T) {
  return z.enum(values, { error: expected(key, `one of ${values.join(", ")}`) });
}

/** Milestones: at least one, whole steps >= 1, strictly increasing. */
export function milestones(key: string) {
  return z
    .array(integerFrom(`${key} entry`, 1), { error: expected(key, "a list of integers") })
    .min(1, { error: expected(key, "at least one step") })
    .superRefine((steps, ctx) => {
      const i = steps.findIndex((step, j) => j > 0 && step <= steps[j - 1]);
      if (i < 0) return;

      const message =
        `expected ${key} strictly increasing, received ${shown(steps)} ` +
        `(${steps[i]} at position ${i} does not exceed ${steps[i - 1]})`;
      ctx.addIssue({ code: "custom", path: [i], input: steps[i], message });
    });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A strict object whose unknown keys are reported one by one at their own path (so the spec
 * loader can point at the line), together with the issues of the known keys.
 */
export function strictShape<S extends z.ZodRawShape>(
  shape: S,
  unknownKey: (key: string) => string,
) {
  const known = new Set(Object.keys(shape));
  const strict = z.object(shape);
  const loose = z.looseObject(shape).superRefine(
    (value, ctx) => {
      for (const key of Object.keys(value)) {
        if (known.has(key)) continue;
        ctx.addIssue({ code: "custom", path: [key], input: value[key], message: unknownKey(key) });
      }
    },
    // run even when a known key failed, so every issue is reported at once
    { when: (payload) => isRecord(payload.value) },
  );

  // NOTE: parsed twice on purpose: the loose pass collects every issue, the strict pass gives
  // the output type without an index signature. The cast only restates that the loose output
  // (defaults filled) is a valid strict input, which TypeScript cannot see for a generic shape.
  type Out = z.output<typeof strict>;
  return loose.pipe(strict as unknown as z.ZodType<Out, z.output<typeof loose>>);
}
