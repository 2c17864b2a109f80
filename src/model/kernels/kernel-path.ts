// Which implementation of the dense-layer kernels a network runs on.

import { LrFindError } from "../../errors.js";
import { kernelsWasmFailure, kernelsWasmModule } from "../wasm/kernels-module.js";

/** "ts": plain TypeScript (any dtype). "wasm": WebAssembly SIMD (float32 only). */
export const KERNEL_PATHS = ["ts", "wasm"] as const;
export type KernelPath = (typeof KERNEL_PATHS)[number];

/** The environment variable that forces a path, for benchmarks and bug reports. */
export const KERNELS_ENV = "LR_FIND_KERNELS";

/**
 * The path for a network of this dtype: `requested` if given, else LR_FIND_KERNELS, else
 * wasm when it loads here. float64 always runs on TypeScript, since the SIMD kernels are
 * float32; so a forced "wasm" only applies to float32 networks.
 */
export function resolveKernelPath(dtype: "float32" | "float64", requested?: KernelPath) {
  const wanted = requested ?? kernelsFromEnv();
  if (dtype === "float64" || wanted === "ts") return "ts";

  const available = kernelsWasmModule() !== null;
  if (wanted === "wasm" && !available) {
    throw new LrFindError(
      "flag.invalid",
      `${KERNELS_ENV}=wasm: the WebAssembly SIMD kernels cannot run here ` +
        `(${kernelsWasmFailure()})`,
      { path: KERNELS_ENV },
      `unset ${KERNELS_ENV} or set it to ts to use the TypeScript kernels`,
    );
  }
  return available ? "wasm" : "ts";
}

// NOTE: the one place src/model reads the environment; it only picks an implementation,
// and both give the same results to float32 rounding.
function kernelsFromEnv(): KernelPath | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  const value = env?.[KERNELS_ENV];
  if (value === undefined || value === "" || value === "auto") return undefined;
  if ((KERNEL_PATHS as readonly string[]).includes(value)) return value as KernelPath;

  throw new LrFindError(
    "flag.invalid",
    `${KERNELS_ENV}: expected ts, wasm or auto, got "${value}"`,
    { path: KERNELS_ENV },
  );
}
