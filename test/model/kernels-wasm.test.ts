import { afterEach, describe, expect, it } from "vitest";

import { LrFindError } from "../../src/errors.js";
import { activationBackward, activationForward } from "../../src/model/activation.js";
import { reluBackwardWasm, reluForwardWasm } from "../../src/model/kernels/activation-wasm.js";
import { KERNELS_ENV, resolveKernelPath } from "../../src/model/kernels/kernel-path.js";
import { createWasmArena } from "../../src/model/kernels/wasm-arena.js";
import { denseScratchFloats } from "../../src/model/kernels/linear-wasm.js";
import { linearBackward, linearForward } from "../../src/model/linear.js";
import { backward, createMlp, forward, lossAndOutputGrad, zeroGrad } from "../../src/model/mlp.js";
import type { Mlp } from "../../src/model/mlp.js";
import { kernelsWasmModule } from "../../src/model/wasm/kernels-module.js";
import { createRng } from "../../src/random.js";
import {
  naiveLayer,
  randomCase,
  randomShapes,
  worstError,
  type LayerCase,
} from "./kernels-reference.js";

// The SIMD kernels sum in float32, in another order than the TypeScript kernels (which sum
// in doubles), so they agree to float32 rounding: within RTOL · Σ|terms| of each output.
const RTOL = 1e-5;
const hasWasm = kernelsWasmModule() !== null;

// One layer on the wasm path: every buffer a view into one arena, as in a wasm network.
function runWasm(c: LayerCase) {
  const { B, I, O } = c;
  const sizes = [B * I, O * I + O, B * O, O * I + O, B * O, B * I];
  const made = createWasmArena(sizes, denseScratchFloats(B, I, O));
  if (made === null) throw new Error("no wasm arena");
  const [x, params, dout, grads, out, dx] = made.views;
  x.set(c.x);
  params.set(c.params);
  dout.set(c.dout);
  grads.set(c.grads);

  linearForward(out, x, params, 0, O * I, B, I, O);
  linearBackward(dx, grads, dout, x, params, 0, O * I, B, I, O);
  return { out, grads, dx };
}

describe.skipIf(!hasWasm)("WebAssembly SIMD dense-layer kernels", () => {
  it("match a naive float64 layer to float32 rounding on random shapes, odd sizes too", () => {
    const rng = createRng(11);

    for (const [B, I, O] of [...randomShapes(9, 40, 70), [64, 200, 37] as const]) {
      const c = randomCase(rng, B, I, O);
      const want = naiveLayer(c);
      const got = runWasm(c);

      for (const [name, g, w, s] of [
        ["out", got.out, want.out, want.outScale],
        ["grads", got.grads, want.grads, want.gradScale],
        ["dx", got.dx, want.dx, want.dxScale],
      ] as const) {
        const e = worstError(g, w, s, RTOL);
        const detail = `B=${B} I=${I} O=${O} ${name}[${e.at}]: got ${e.got}, want ${e.want}`;
        expect(e.ratio, detail).toBeLessThan(1);
      }
    }
  });

  it("give a network the same loss and gradients as the TypeScript path", () => {
    const sizes = [13, 21, 9, 3];
    const shape = { sizes, activation: "relu" as const, loss: "cross_entropy" as const };
    const B = 11;
    const rng = createRng(5);
    const x = Float32Array.from({ length: B * 13 }, () => 2 * rng.uniform() - 1);
    const y = Float32Array.from({ length: B }, () => rng.int(3));
    const nets = (["ts", "wasm"] as const).map((k) => createMlp(shape, 16, "float32", k));
    const init = Float32Array.from({ length: nets[0].params.length }, () => rng.uniform() - 0.5);

    const step = (net: Mlp) => {
      net.params.set(init);
      zeroGrad(net);
      forward(net, x, B);
      const loss = lossAndOutputGrad(net, y, 0, B);
      backward(net, x, B);
      return loss;
    };
    const [ts, wasm] = nets.map(step);

    expect(nets.map((n) => n.kernels)).toEqual(["ts", "wasm"]);
    expect(Math.abs(wasm - ts)).toBeLessThan(RTOL * Math.abs(ts));
    let worst = 0;
    for (let i = 0; i < init.length; i++) {
      worst = Math.max(worst, Math.abs(nets[1].grads[i] - nets[0].grads[i]));
    }
    expect(worst, `largest gradient difference ${worst}`).toBeLessThan(1e-5);
  });

  it("falls back to TypeScript when an array lies outside the network's memory", () => {
    const c = randomCase(createRng(6), 5, 6, 7);
    const made = createWasmArena([5 * 6, 7 * 6 + 7], denseScratchFloats(5, 6, 7));
    if (made === null) throw new Error("no wasm arena");
    const [x, params] = made.views;
    x.set(c.x);
    params.set(c.params);
    const out = new Float32Array(5 * 7); // ordinary memory

    linearForward(out, x, params, 0, 42, 5, 6, 7);
    const want = naiveLayer(c);
    expect(worstError(out, want.out, want.outScale, RTOL).ratio).toBeLessThan(1);
  });

  it("apply ReLU forward and backward exactly as activation.ts, NaN and -0 included", () => {
    const n = 23;
    const made = createWasmArena([n, n, n], 0);
    if (made === null) throw new Error("no wasm arena");
    const [z, a, d] = made.views;
    const rng = createRng(7);
    z.set(Array.from({ length: n }, () => rng.uniform() - 0.5));
    z[0] = NaN;
    z[1] = -0;
    z[n - 1] = 0;
    const grad = Float32Array.from({ length: n }, () => rng.uniform());
    const [wantA, wantD] = [new Float32Array(n), Float32Array.from(grad)];
    activationForward(wantA, Float32Array.from(z), n, "relu");
    activationBackward(wantD, Float32Array.from(z), wantA, n, "relu");

    expect(reluForwardWasm(a, z, n)).toBe(true);
    d.set(grad);
    expect(reluBackwardWasm(d, z, n)).toBe(true);
    expect(Array.from(a)).toEqual(Array.from(wantA));
    expect(Array.from(d)).toEqual(Array.from(wantD));
  });

  it("keeps every network buffer in its own memory, and batches are copied in", () => {
    const shape = { sizes: [4, 3, 2], activation: "tanh" as const, loss: "mse" as const };
    const net = createMlp(shape, 8, "float32", "wasm");
    const buffers = [net.params, net.grads, net.input, ...net.pre, ...net.post, ...net.delta];
    expect(new Set(buffers.map((b) => b?.buffer)).size).toBe(1);

    const x = Float32Array.from({ length: 8 * 4 }, (_, i) => i / 10);
    forward(net, x, 8);
    expect(Array.from(net.input ?? [])).toEqual(Array.from(x));
  });
});

describe("choosing the kernel path", () => {
  afterEach(() => {
    delete process.env[KERNELS_ENV];
  });

  it("runs float64 networks on TypeScript, whatever is asked", () => {
    process.env[KERNELS_ENV] = "wasm";
    expect(resolveKernelPath("float64")).toBe("ts");
    expect(resolveKernelPath("float64", "wasm")).toBe("ts");
  });

  it("follows LR_FIND_KERNELS for float32 unless the caller asks for a path", () => {
    process.env[KERNELS_ENV] = "ts";
    expect(resolveKernelPath("float32")).toBe("ts");
    expect(createMlp({ sizes: [2, 1], activation: "relu", loss: "mse" }, 1).kernels).toBe("ts");
    if (hasWasm) expect(resolveKernelPath("float32", "wasm")).toBe("wasm");
  });

  it.skipIf(!hasWasm)("picks wasm for float32 by default where it loads", () => {
    expect(resolveKernelPath("float32")).toBe("wasm");
  });

  it("rejects an unknown LR_FIND_KERNELS value with flag.invalid", () => {
    process.env[KERNELS_ENV] = "gpu";
    let caught: unknown;
    try {
      resolveKernelPath("float32");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LrFindError);
    expect((caught as LrFindError).code).toBe("flag.invalid");
    expect((caught as LrFindError).message).toContain('got "gpu"');
  });
});
