// The few WebAssembly JS API calls the kernels use, typed here because the project's
// TypeScript libs (ES2022, node types) do not declare the WebAssembly global.

/** A linear memory; `buffer` is replaced only when the memory grows, which ours never do. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}

/** A compiled, not yet instantiated module. */
export type WasmModule = object;

interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

/** The subset of the global WebAssembly namespace that loading the kernels needs. */
export interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => WasmInstance;
  Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory;
}

/** The host's WebAssembly namespace, or null on a runtime without one. */
export function wasmApi(): WasmApi | null {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly ?? null;
}

/** Bytes per WebAssembly page. */
export const WASM_PAGE_BYTES = 65536;
