// The contract every update rule implements, so the sweep can drive any of them alike.

/** A flat vector of parameters, gradients or optimizer state. */
export type FloatArray = Float32Array | Float64Array;

/**
 * A contiguous slice [start, end) of the flat parameter buffer that is updated together:
 * one weight matrix or one bias vector. `lrScale` multiplies the learning rate for this
 * slice (per-layer rates); LARS computes its trust ratio per group.
 */
export interface ParamGroup {
  name: string;
  start: number;
  end: number;
  lrScale: number;
}

/** An optimizer bound to one parameter buffer; it owns its state buffers. */
export interface Optimizer {
  readonly name: string;
  /** Apply one update in place: params -= f(grads, state) at base learning rate `lr`. */
  step(params: FloatArray, grads: FloatArray, lr: number): void;
  /**
   * Set the momentum for the next steps (SGD's momentum, Adam's beta1), for schedules that
   * cycle it (one-cycle). Absent on optimizers without such a knob.
   */
  setMomentum?: (momentum: number) => void;
}
