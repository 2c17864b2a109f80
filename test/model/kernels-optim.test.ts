import { describe, expect, it } from "vitest";

import { createWasmArena, stateBufferIn } from "../../src/model/kernels/wasm-arena.js";
import { kernelsWasmModule } from "../../src/model/wasm/kernels-module.js";
import { createOptimizer } from "../../src/optim/create-optimizer.js";
import { optimizerSchema, type OptimizerInput } from "../../src/optim/schema.js";
import type { ParamGroup } from "../../src/optim/types.js";
import { createRng } from "../../src/random.js";

// Groups of odd lengths, so the two-at-a-time SIMD loop ends on a single element.
const GROUPS: ParamGroup[] = [
  { name: "a", start: 0, end: 37, lrScale: 1 },
  { name: "b", start: 37, end: 40, lrScale: 0.5 },
  { name: "c", start: 40, end: 41, lrScale: 2 },
];
const P = 41;

const CASES: [string, OptimizerInput][] = [
  ["adam", { name: "adam" }],
  ["adam with coupled weight decay", { name: "adam", weight_decay: 0.1 }],
  ["adamw", { name: "adamw", weight_decay: 0.05 }],
  ["sgd", { name: "sgd" }],
  ["sgd with momentum", { name: "sgd", momentum: 0.9 }],
  ["sgd with nesterov", { name: "sgd", momentum: 0.8, nesterov: true, weight_decay: 0.01 }],
  ["sgd with dampening", { name: "sgd", momentum: 0.7, dampening: 0.3 }],
];

// Run 5 steps from the same start on parameters in ordinary memory and in a wasm arena;
// also say whether the optimizer put any state in the arena (so the SIMD loop ran).
function trajectories(input: OptimizerInput) {
  const rng = createRng(4);
  const start = Float32Array.from({ length: P }, () => rng.uniform() - 0.5);
  const grads = Array.from({ length: 5 }, () =>
    Float32Array.from({ length: P }, () => (rng.uniform() - 0.5) * 0.1),
  );
  const made = createWasmArena([P, P], 0, 3 * P);
  if (made === null) throw new Error("no wasm arena");
  const config = optimizerSchema.parse(input);
  const room = made.arena.state.next;

  const runs = [
    { params: new Float32Array(P), grad: new Float32Array(P) },
    { params: made.views[0], grad: made.views[1] },
  ];
  const [ts, wasm] = runs.map(({ params, grad }) => {
    params.set(start);
    const opt = createOptimizer(config, GROUPS, P, params);
    for (const g of grads) {
      grad.set(g);
      opt.step(params, grad, 0.01);
    }
    return Float32Array.from(params);
  });
  return { ts, wasm, stateInArena: made.arena.state.next > room };
}

describe.skipIf(kernelsWasmModule() === null)("WebAssembly SIMD update rules", () => {
  it.each(CASES)("give bit-identical parameters to the TypeScript loop: %s", (_, input) => {
    const { ts, wasm, stateInArena } = trajectories(input);
    expect(Array.from(wasm)).toEqual(Array.from(ts));
    const hasState = input.name !== "sgd" || (input.momentum ?? 0) > 0;
    expect(stateInArena).toBe(hasState);
  });

  it("place optimizer state beside the parameters until the reserved room runs out", () => {
    const made = createWasmArena([8], 0, 10);
    if (made === null) throw new Error("no wasm arena");
    const [params] = made.views;

    const first = stateBufferIn(params, 8);
    expect(first?.buffer).toBe(params.buffer);
    expect(stateBufferIn(params, 8)).toBeNull();
    expect(stateBufferIn(new Float32Array(8), 8)).toBeNull();
  });
});
