import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { LrFindError } from "../../src/errors.js";
import { resolveSpec } from "../../src/spec/load-spec.js";

const VALID = {
  data: { path: "d.csv", target: "y", validation: 0.2 },
  model: { hidden: [8], activation: "tanh" },
  optimizer: [{ name: "adam", betas: [0.9, 0.99] }, "sgd"],
  sweep: { start_lr: 1e-6, end_lr: 1, iterations: 50, batch_size: 8 },
  schedule: { kind: "cosine", base_lr: 0.1, steps: 20, t_max: 20 },
  seed: 3,
};

// replace one value somewhere in the spec with an arbitrary one
function mutate(spec: unknown, path: number[], value: unknown): unknown {
  if (path.length === 0 || spec === null || typeof spec !== "object") return value;
  const keys = Object.keys(spec as object);
  if (keys.length === 0) return value;
  const key = keys[path[0] % keys.length];
  const copy: Record<string, unknown> = Array.isArray(spec) ? ([...spec] as never) : { ...spec };
  copy[key] = mutate((spec as Record<string, unknown>)[key], path.slice(1), value);
  return copy;
}

function outcome(raw: unknown): "ok" | "typed" {
  try {
    resolveSpec(raw, undefined, "/tmp");
    return "ok";
  } catch (error) {
    if (error instanceof LrFindError) {
      // a message may quote a bad input (NaN), but never a placeholder
      expect(error.message).not.toMatch(/undefined|\[object Object\]/);
      return "typed";
    }
    throw error;
  }
}

describe("spec resolution under random input", () => {
  it("returns a spec or a typed error for arbitrary values", () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        outcome(raw);
      }),
      { numRuns: 300 },
    );
  });

  it("returns a spec or a typed error for a valid spec with one value replaced", () => {
    const value = fc.oneof(
      fc.anything(),
      fc.double(),
      fc.string(),
      fc.constantFrom(-1, 0, 1e400, Number.NaN, "", null, [], {}),
    );
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), value, (path, v) => {
        outcome(mutate(VALID, path, v));
      }),
      { numRuns: 500 },
    );
  });

  it("accepts the unmutated spec", () => {
    expect(outcome(VALID)).toBe("ok");
  });
});
