// Float32 buffers that live inside one WebAssembly memory, so the SIMD kernels work on a
// network's parameters, gradients and activations in place, with no copy per step.
//
// Each arena owns its memory and its own instance of the kernels. The memory is sized once
// at creation and never grows: growing would detach every Float32Array view handed out.
// The JS side (losses, optimizers, batch copies) reads and writes the same views.

import {
  instantiateKernels,
  kernelsWasmModule,
  type KernelExports,
} from "../wasm/kernels-module.js";
import { WASM_PAGE_BYTES, wasmApi } from "../wasm/wasm-api.js";

const ALIGN = 64; // bytes; a cache line, and a multiple of the 16-byte vectors
const TMP_BYTES = 64; // scratch for the kernels' partial panels, at the start of memory

/** One memory, its kernels, and where their scratch space lies (byte offsets). */
export interface WasmArena {
  state: { next: number; end: number }; // room left for optimizer state buffers
  readonly kernels: KernelExports;
  readonly buffer: ArrayBuffer;
  readonly tmp: number;
  readonly scratch: number; // packed operand panels, scratchFloats long
  readonly scratchFloats: number;
}

const arenas = new WeakMap<ArrayBuffer, WasmArena>();

/**
 * Allocate one Float32Array per entry of `lengths` (element counts) in a fresh memory, plus
 * `scratchFloats` of packing space and `stateFloats` of room for optimizer state that
 * `stateBufferIn` hands out later. Returns null when WebAssembly SIMD is unavailable.
 */
export function createWasmArena(
  lengths: readonly number[],
  scratchFloats: number,
  stateFloats = 0,
) {
  const module = kernelsWasmModule();
  const api = wasmApi();
  if (module === null || api === null) return null;

  // lay out: tmp, then each buffer, then scratch, each on a cache-line boundary
  const offsets: number[] = [];
  let end = TMP_BYTES;
  for (const n of lengths) {
    offsets.push(end);
    end = alignUp(end + 4 * n);
  }
  const scratch = end;
  end = alignUp(scratch + 4 * scratchFloats);
  const state = { next: end, end: end + 4 * stateFloats };
  end = alignUp(state.end);

  const pages = Math.max(1, Math.ceil(end / WASM_PAGE_BYTES));
  const memory = new api.Memory({ initial: pages, maximum: pages });
  const buffer = memory.buffer;
  const arena: WasmArena = {
    kernels: instantiateKernels(module, memory),
    buffer,
    state,
    tmp: 0,
    scratch,
    scratchFloats,
  };
  arenas.set(buffer, arena);
  const views = lengths.map((n, i) => new Float32Array(buffer, offsets[i], n));

  return { arena, views };
}

/** The arena whose memory holds `a`, or null (a float64 or ordinary JS array). */
export function arenaOf(a: Float32Array | Float64Array): WasmArena | null {
  if (!(a instanceof Float32Array)) return null;
  return arenas.get(a.buffer as ArrayBuffer) ?? null;
}

/**
 * A zeroed (size,) buffer in the same memory as `like`, from the room reserved for optimizer
 * state; null when `like` is in no arena or the room is used up (the caller then allocates
 * an ordinary array and the update runs in TypeScript).
 */
export function stateBufferIn(like: Float32Array | Float64Array, size: number) {
  const arena = arenaOf(like);
  if (arena === null || size === 0) return null;
  const { state } = arena;
  if (state.next + 4 * size > state.end) return null;

  const view = new Float32Array(arena.buffer, state.next, size);
  state.next = alignUp(state.next + 4 * size);
  return view.fill(0);
}

/** Whether `a` is a float32 view into `arena`'s memory. */
export function inArena(arena: WasmArena, a: Float32Array | Float64Array): a is Float32Array {
  return a.buffer === arena.buffer && a instanceof Float32Array;
}

function alignUp(bytes: number): number {
  return Math.ceil(bytes / ALIGN) * ALIGN;
}
