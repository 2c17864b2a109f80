import { describe, expect, it } from "vitest";

import { linearBackward } from "../../src/model/linear.js";
import { backward, createMlp, forward, lossAndOutputGrad, zeroGrad } from "../../src/model/mlp.js";
import type { Activation } from "../../src/model/activation.js";
import type { Dtype } from "../../src/model/mlp.js";
import golden from "../golden/mlp_grads.json" with { type: "json" };
import { expectClose, flat } from "../helpers/tolerance.js";

const ACT: Record<string, Activation> = {
  relu: "relu",
  tanh: "tanh",
  sigmoid: "sigmoid",
  gelu_erf: "gelu",
  gelu_tanh: "gelu_tanh",
  "leaky_relu_0.01": "leaky_relu",
};

const TOL: Record<Dtype, { rtol: number; atol: number }> = {
  float64: { rtol: 1e-10, atol: 1e-12 },
  float32: { rtol: 1e-4, atol: 1e-5 },
};

type Case = (typeof golden.cases)[number];

function run(c: Case, dtype: Dtype) {
  const sizes = c.layer_sizes;
  const loss = c.loss.startsWith("softmax") ? "cross_entropy" : "mse";
  const net = createMlp({ sizes, activation: ACT[c.hidden_activation], loss }, c.batch_size, dtype);

  c.layers.forEach((layer, l) => {
    const slot = net.layout.layers[l];
    net.params.set(flat(layer.weight), slot.weightOffset);
    net.params.set(flat(layer.bias), slot.biasOffset);
  });
  const Arr = dtype === "float32" ? Float32Array : Float64Array;
  const x = Arr.from(flat(c.inputs));
  const y = Arr.from(flat(c.targets));
  const B = c.batch_size;

  zeroGrad(net);
  const out = forward(net, x, B);
  const value = lossAndOutputGrad(net, y, 0, B);
  backward(net, x, B);

  // grad wrt inputs is not needed in training; compute it here with the same kernel
  const first = net.layout.layers[0];
  const dx = new Arr(B * first.inDim);
  const scratch = new Arr(net.layout.total);
  const { weightOffset: wo, biasOffset: bo, inDim, outDim } = first;
  linearBackward(dx, scratch, net.delta[0], x, net.params, wo, bo, B, inDim, outDim);

  return { net, out, value, dx };
}

describe("MLP forward and backward against PyTorch", () => {
  const rows = golden.cases.flatMap((c) => (["float64", "float32"] as const).map((d) => [c, d]));

  it.each(rows as [Case, Dtype][])("%# matches %s in every value (%s)", (c, dtype) => {
    const { rtol, atol } = TOL[dtype];
    const tol = c.hidden_activation === "gelu_erf" && dtype === "float64" ? 2e-12 : atol;
    const { net, out, value, dx } = run(c, dtype);
    const L = c.layers.length;

    expectClose(
      Array.from(out.subarray(0, flat(c.forward.outputs).length)),
      flat(c.forward.outputs),
      rtol,
      tol,
      `${c.name} outputs`,
    );
    expectClose([value], [c.forward.loss as number], rtol, tol, `${c.name} loss`);

    for (let l = 0; l < L; l++) {
      const slot = net.layout.layers[l];
      const gw = net.grads.subarray(
        slot.weightOffset,
        slot.weightOffset + slot.inDim * slot.outDim,
      );
      const gb = net.grads.subarray(slot.biasOffset, slot.biasOffset + slot.outDim);
      expectClose(gw, flat(c.backward.grad_weights[l]), rtol, tol, `${c.name} dW${l + 1}`);
      expectClose(gb, flat(c.backward.grad_biases[l]), rtol, tol, `${c.name} db${l + 1}`);
      const dz = flat(c.backward.grad_pre_activations[l]);
      expectClose(net.delta[l].subarray(0, dz.length), dz, rtol, tol, `${c.name} dz${l + 1}`);
    }
    expectClose(dx, flat(c.backward.grad_inputs), rtol, tol, `${c.name} dx`);
  });

  it("agrees with finite differences of the loss on a tanh network", () => {
    const c = golden.cases[1];
    const { net } = run(c, "float64");
    const analytic = Float64Array.from(net.grads);
    const x = Float64Array.from(flat(c.inputs));
    const y = Float64Array.from(flat(c.targets));
    const h = 1e-6;
    let worst = 0;

    for (let p = 0; p < net.params.length; p += 3) {
      const keep = net.params[p];
      net.params[p] = keep + h;
      forward(net, x, c.batch_size);
      const up = lossAndOutputGrad(net, y, 0, c.batch_size);
      net.params[p] = keep - h;
      forward(net, x, c.batch_size);
      const down = lossAndOutputGrad(net, y, 0, c.batch_size);
      net.params[p] = keep;
      worst = Math.max(worst, Math.abs((up - down) / (2 * h) - analytic[p]));
    }

    expect(worst).toBeLessThan(1e-7);
  });
});
