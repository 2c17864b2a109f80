// The kernels' WebAssembly module (dense layers, update rules), compiled once per thread.

import { KERNELS_WASM_BASE64 } from "./kernels-binary.js";
import { wasmApi, type WasmMemory, type WasmModule } from "./wasm-api.js";

/** Exports of assembly/*.ts; pointers are byte offsets, sizes count f32 elements. */
export interface KernelExports {
  pack(dst: number, src: number, K: number, N: number, ldk: number, ldn: number): void;
  gemm(
    c: number,
    ldc: number,
    a: number,
    ars: number,
    aks: number,
    p: number,
    bias: number,
    R: number,
    N: number,
    K: number,
    init: number,
    tmp: number,
  ): void;
  colSumsAdd(g: number, d: number, B: number, O: number): void;
  reluForward(a: number, z: number, n: number): void;
  reluBackward(d: number, z: number, n: number): void;
  adamStep(
    p: number,
    g: number,
    m: number,
    v: number,
    n: number,
    beta1: number,
    beta2: number,
    c1: number,
    c2: number,
    eps: number,
    stepSize: number,
    bc2Sqrt: number,
    weightDecay: number,
    decoupled: boolean,
    decay: number,
  ): void;
  sgdStep(
    p: number,
    g: number,
    buf: number,
    n: number,
    lr: number,
    weightDecay: number,
    momentum: number,
    keep: number,
    nesterov: boolean,
    first: boolean,
  ): void;
}

let compiled: WasmModule | null | undefined;
let failure = "";

/**
 * The compiled module, or null when this runtime cannot compile it (no WebAssembly, or no
 * SIMD); `kernelsWasmFailure()` then says why.
 */
export function kernelsWasmModule(): WasmModule | null {
  if (compiled !== undefined) return compiled;
  const api = wasmApi();
  compiled = null;

  if (api === null) {
    failure = "this JavaScript runtime has no WebAssembly";
    return compiled;
  }
  try {
    const bytes = Uint8Array.from(atob(KERNELS_WASM_BASE64), (ch) => ch.charCodeAt(0));
    compiled = new api.Module(bytes);
  } catch (error) {
    failure = `WebAssembly SIMD module did not compile: ${(error as Error).message}`;
  }
  return compiled;
}

/** Why kernelsWasmModule() returned null; empty when it did not. */
export function kernelsWasmFailure(): string {
  return failure;
}

/** Instantiate the kernels over `memory`, which the caller sized once and never grows. */
export function instantiateKernels(module: WasmModule, memory: WasmMemory): KernelExports {
  const api = wasmApi() as NonNullable<ReturnType<typeof wasmApi>>;
  const abort = () => {
    throw new Error("lr-find kernels: WebAssembly abort");
  };
  const instance = new api.Instance(module, { env: { memory, abort } });
  return instance.exports as unknown as KernelExports;
}
