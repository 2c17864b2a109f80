// Number fields shared by the optimizer schemas. Each rejects a bad value with a message
// that names the field, the range it expects and the value it received.

import { z } from "zod";

import { shown } from "../shown.js";

type Issue = { input?: unknown };

function expected(field: string, range: string) {
  return (iss: Issue) => `expected ${field} ${range}, received ${shown(iss.input)}`;
}

/** Rates, decays and momenta: any finite number from 0 up (PyTorch's own checks). */
export function nonNegative(field: string) {
  return z.number().min(0, { error: expected(field, ">= 0") });
}

/** Strictly positive coefficients: trust coefficient, clip thresholds, lr multipliers. */
export function positive(field: string) {
  return z.number().positive({ error: expected(field, "> 0") });
}

/** Averaging weights such as RMSprop's alpha or SGD's dampening live in [0, 1]. */
export function unitInterval(field: string) {
  const error = expected(field, "in [0, 1]");
  return z.number().min(0, { error }).max(1, { error });
}

/** Adam's betas: beta = 1 never forgets and makes the bias correction divide by 0. */
export function beta(field: string) {
  const error = expected(field, "in [0, 1)");
  return z.number().min(0, { error }).lt(1, { error });
}

/** An eps that rounds to 0 in float32 (below ~1.4e-45) no longer guards the division. */
export function epsilon(field: string) {
  const error = expected(field, "> 0 that stays non-zero in float32 (>= 1.4e-45)");
  return nonNegative(field).refine((value) => Math.fround(value) !== 0, { error });
}
