// Carry an lr found at one batch size over to another. Both rules are heuristics: they say
// where to start looking, not what the new optimum is, so a new range test is still advised.

/** The two common rules: linear (Goyal et al. 2017) and square root (Hoffer et al. 2017). */
export type BatchScalingRule = "linear" | "sqrt";

// NOTE: inputs come from a validated spec or flags, so a violation here is a bug.
function checkScaling(lr: number, fromBatch: number, toBatch: number): void {
  if (!Number.isFinite(lr) || lr < 0) {
    throw new RangeError(`batch scaling: expected lr finite and >= 0, received ${lr}`);
  }
  for (const [name, batch] of [
    ["fromBatch", fromBatch],
    ["toBatch", toBatch],
  ] as const) {
    if (!Number.isSafeInteger(batch) || batch < 1) {
      throw new RangeError(`batch scaling: expected ${name} an integer >= 1, received ${batch}`);
    }
  }
}

/** Linear scaling rule: lr * B / b (Goyal et al. 2017, arXiv:1706.02677, section 2.1). */
export function linearScaledLr(lr: number, fromBatch: number, toBatch: number): number {
  checkScaling(lr, fromBatch, toBatch);
  return lr * (toBatch / fromBatch);
}

/** Square-root scaling rule: lr * sqrt(B / b) (Hoffer et al. 2017, arXiv:1705.08741). */
export function sqrtScaledLr(lr: number, fromBatch: number, toBatch: number): number {
  checkScaling(lr, fromBatch, toBatch);
  return lr * Math.sqrt(toBatch / fromBatch);
}

/** Either rule by name. */
export function scaleLrForBatch(
  rule: BatchScalingRule,
  lr: number,
  fromBatch: number,
  toBatch: number,
): number {
  return rule === "linear"
    ? linearScaledLr(lr, fromBatch, toBatch)
    : sqrtScaledLr(lr, fromBatch, toBatch);
}
