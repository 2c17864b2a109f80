// WebAssembly SIMD update rules for float32 parameters that live in a network's memory.
// AssemblyScript, compiled with dense.ts into one module (../build-wasm.mjs).
//
// Each function updates n elements of one parameter group in place with exactly the
// arithmetic of its TypeScript twin in src/optim (which cites the PyTorch docs): every
// operation in float64, every stored value rounded to float32 and read back rounded, and
// the scalars computed by the caller in float64. So the results are bit-identical to the
// TypeScript loop; SIMD only does two elements per instruction (f64x2).
// Pointers are byte offsets; p, g and the state buffers all have n elements.

// Two float32 at `at` as float64 lanes, and back.
// @ts-ignore: decorator
@inline function load2(at: usize): v128 {
  return f64x2.promote_low_f32x4(v128.load64_zero(at));
}

// @ts-ignore: decorator
@inline function store2(at: usize, v: v128): void {
  v128.store64_lane(at, f32x4.demote_f64x2_zero(v), 0);
}

// What storing to a Float32Array and reading back does to a double.
// @ts-ignore: decorator
@inline function round2(v: v128): v128 {
  return f64x2.promote_low_f32x4(f32x4.demote_f64x2_zero(v));
}

/**
 * Adam / AdamW without amsgrad (src/optim/adam.ts). decay = 1 − lr·wd multiplies p first
 * when `decoupled`; otherwise wd·p is added to the gradient. c1 = 1 − beta1, c2 = 1 − beta2.
 */
export function adamStep(
  p: usize,
  g: usize,
  m: usize,
  v: usize,
  n: i32,
  beta1: f64,
  beta2: f64,
  c1: f64,
  c2: f64,
  eps: f64,
  stepSize: f64,
  bc2Sqrt: f64,
  weightDecay: f64,
  decoupled: bool,
  decay: f64,
): void {
  const b1 = f64x2.splat(beta1);
  const b2 = f64x2.splat(beta2);
  const k1 = f64x2.splat(c1);
  const k2 = f64x2.splat(c2);
  const e = f64x2.splat(eps);
  const s = f64x2.splat(stepSize);
  const bc = f64x2.splat(bc2Sqrt);
  const wd = f64x2.splat(weightDecay);
  const dec = f64x2.splat(decay);
  const coupled = !decoupled && weightDecay != 0;
  let i = 0;

  for (; i + 2 <= n; i += 2) {
    const at = <usize>i << 2;
    let pv = load2(p + at);
    let gv = load2(g + at);
    if (decoupled) pv = round2(f64x2.mul(pv, dec));
    else if (coupled) gv = f64x2.add(gv, f64x2.mul(wd, pv));

    const mv = round2(f64x2.add(f64x2.mul(b1, load2(m + at)), f64x2.mul(k1, gv)));
    const vv = round2(f64x2.add(f64x2.mul(b2, load2(v + at)), f64x2.mul(f64x2.mul(k2, gv), gv)));
    const denom = f64x2.add(f64x2.div(f64x2.sqrt(vv), bc), e);
    store2(m + at, mv);
    store2(v + at, vv);
    store2(p + at, f64x2.sub(pv, f64x2.mul(s, f64x2.div(mv, denom))));
  }

  if (i < n) {
    const at = <usize>i << 2;
    let pi = <f64>load<f32>(p + at);
    let gi = <f64>load<f32>(g + at);
    if (decoupled) pi = <f64>(<f32>(pi * decay));
    else if (coupled) gi = gi + weightDecay * pi;

    const mi = <f64>(<f32>(beta1 * <f64>load<f32>(m + at) + c1 * gi));
    const vi = <f64>(<f32>(beta2 * <f64>load<f32>(v + at) + c2 * gi * gi));
    store<f32>(m + at, <f32>mi);
    store<f32>(v + at, <f32>vi);
    store<f32>(p + at, <f32>(pi - stepSize * (mi / (Math.sqrt(vi) / bc2Sqrt + eps))));
  }
}

/**
 * SGD with optional momentum, dampening, Nesterov and coupled weight decay
 * (src/optim/sgd.ts). `first` marks step 1, where the buffer takes g undamped; with
 * momentum 0 the buffer is not touched. keep = 1 − dampening.
 */
export function sgdStep(
  p: usize,
  g: usize,
  buf: usize,
  n: i32,
  lr: f64,
  weightDecay: f64,
  momentum: f64,
  keep: f64,
  nesterov: bool,
  first: bool,
): void {
  const rate = f64x2.splat(lr);
  const wd = f64x2.splat(weightDecay);
  const mu = f64x2.splat(momentum);
  const k = f64x2.splat(keep);
  let i = 0;

  for (; i + 2 <= n; i += 2) {
    const at = <usize>i << 2;
    const pv = load2(p + at);
    let gv = load2(g + at);
    if (weightDecay != 0) gv = f64x2.add(gv, f64x2.mul(wd, pv));

    if (momentum != 0) {
      const bv = round2(first ? gv : f64x2.add(f64x2.mul(mu, load2(buf + at)), f64x2.mul(k, gv)));
      store2(buf + at, bv);
      gv = nesterov ? f64x2.add(gv, f64x2.mul(mu, bv)) : bv;
    }

    store2(p + at, f64x2.sub(pv, f64x2.mul(rate, gv)));
  }

  if (i < n) {
    const at = <usize>i << 2;
    const pi = <f64>load<f32>(p + at);
    let gi = <f64>load<f32>(g + at);
    if (weightDecay != 0) gi = gi + weightDecay * pi;

    if (momentum != 0) {
      const bi = <f64>(<f32>(first ? gi : momentum * <f64>load<f32>(buf + at) + keep * gi));
      store<f32>(buf + at, <f32>bi);
      gi = nesterov ? gi + momentum * bi : bi;
    }

    store<f32>(p + at, <f32>(pi - lr * gi));
  }
}
