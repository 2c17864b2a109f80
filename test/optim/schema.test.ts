import { describe, expect, it } from "vitest";
import { OPTIMIZER_NAMES, optimizerInputSchema, optimizerSchema } from "../../src/optim/schema.js";
import { configFromGolden, goldenCases } from "./golden.js";

// PyTorch's documented defaults (docs.pytorch.org/docs/stable/generated/torch.optim.*.html);
// LARS from arXiv:1708.03888 (momentum 0.9, weight decay 5e-4, eta 0.001).
const PYTORCH_DEFAULTS = {
  sgd: { momentum: 0, dampening: 0, nesterov: false, weight_decay: 0 },
  adagrad: { lr_decay: 0, eps: 1e-10, initial_accumulator_value: 0, weight_decay: 0 },
  rmsprop: { alpha: 0.99, eps: 1e-8, centered: false, momentum: 0, weight_decay: 0 },
  adam: { betas: [0.9, 0.999], eps: 1e-8, amsgrad: false, weight_decay: 0 },
  adamw: { betas: [0.9, 0.999], eps: 1e-8, amsgrad: false, weight_decay: 0.01 },
  lars: { momentum: 0.9, weight_decay: 5e-4, trust_coefficient: 0.001 },
};

describe("optimizerSchema defaults", () => {
  it.each(Object.entries(PYTORCH_DEFAULTS))("fills in PyTorch's defaults for %s", (name, want) => {
    expect(optimizerSchema.parse({ name })).toEqual({ name, ...want });
  });

  it("agrees with the defaults PyTorch itself reported for Adagrad([p])", () => {
    const [adagradDefaults] = goldenCases("Adagrad");

    const fromTorch = configFromGolden(adagradDefaults).config;

    expect(fromTorch).toEqual(optimizerSchema.parse({ name: "adagrad" }));
  });

  it("lists exactly the names the schema accepts", () => {
    const accepted = OPTIMIZER_NAMES.filter((name) => optimizerSchema.safeParse({ name }).success);

    expect(accepted).toEqual([...OPTIMIZER_NAMES]);
    expect(optimizerSchema.options.map((o) => o.shape.name.value)).toEqual([...OPTIMIZER_NAMES]);
  });
});

describe("optimizerInputSchema", () => {
  it("reads the string shorthand adam as { name: adam } with defaults", () => {
    expect(optimizerInputSchema.parse("adam")).toEqual(optimizerSchema.parse({ name: "adam" }));
  });

  it("keeps the optional clip_norm, clip_value and layer_lr", () => {
    const input = { name: "sgd", clip_norm: 1, clip_value: 0.5, layer_lr: [1, 0.1] };

    expect(optimizerInputSchema.parse(input)).toMatchObject(input);
  });

  it.each([
    ["a negative eps", { name: "adam", eps: -1e-8 }, ["eps"], "expected eps >= 0, received -1e-8"],
    ["an eps of 0", { name: "rmsprop", eps: 0 }, ["eps"], "non-zero in float32"],
    ["an eps that is 0 in float32", { name: "adagrad", eps: 1e-50 }, ["eps"], "received 1e-50"],
    ["a negative momentum", { name: "sgd", momentum: -0.9 }, ["momentum"], "received -0.9"],
    ["a negative rmsprop momentum", { name: "rmsprop", momentum: -1 }, ["momentum"], ">= 0"],
    ["a negative lars momentum", { name: "lars", momentum: -1 }, ["momentum"], ">= 0"],
    ["a negative weight_decay", { name: "adamw", weight_decay: -0.01 }, ["weight_decay"], ">= 0"],
    ["a negative sgd weight_decay", { name: "sgd", weight_decay: -1 }, ["weight_decay"], ">= 0"],
    ["beta1 of 1", { name: "adam", betas: [1, 0.999] }, ["betas", 0], "in [0, 1), received 1"],
    ["a negative beta2", { name: "adamw", betas: [0.9, -0.1] }, ["betas", 1], "in [0, 1)"],
    ["alpha above 1", { name: "rmsprop", alpha: 1.5 }, ["alpha"], "in [0, 1], received 1.5"],
    ["a negative alpha", { name: "rmsprop", alpha: -0.1 }, ["alpha"], "in [0, 1]"],
    ["dampening above 1", { name: "sgd", dampening: 2 }, ["dampening"], "in [0, 1]"],
    ["nesterov without momentum", { name: "sgd", nesterov: true }, ["momentum"], "nesterov"],
    [
      "nesterov with dampening",
      { name: "sgd", nesterov: true, momentum: 0.9, dampening: 0.1 },
      ["dampening"],
      "expected dampening 0 with nesterov: true, received 0.1",
    ],
    ["a negative lr_decay", { name: "adagrad", lr_decay: -1 }, ["lr_decay"], ">= 0"],
    [
      "a negative initial accumulator",
      { name: "adagrad", initial_accumulator_value: -1 },
      ["initial_accumulator_value"],
      ">= 0",
    ],
    ["a zero eta", { name: "lars", trust_coefficient: 0 }, ["trust_coefficient"], "> 0"],
    ["a zero clip_norm", { name: "adam", clip_norm: 0 }, ["clip_norm"], "> 0, received 0"],
    ["a negative clip_value", { name: "sgd", clip_value: -1 }, ["clip_value"], "> 0"],
    ["a zero layer_lr entry", { name: "sgd", layer_lr: [1, 0] }, ["layer_lr", 1], "> 0"],
    ["an empty layer_lr", { name: "sgd", layer_lr: [] }, ["layer_lr"], "at least one"],
    ["an eps given as text", { name: "adam", eps: "1e-8" }, ["eps"], "expected number"],
    ["an unknown key", { name: "adam", beta1: 0.9 }, [], "beta1"],
    ["a camelCase key", { name: "sgd", weightDecay: 0.1 }, [], "weightDecay"],
    ["an unknown name", { name: "adamax" }, ["name"], "one of sgd, adagrad"],
    ["an unknown shorthand", "Adam", ["name"], 'received "Adam"'],
    ["a missing name", { eps: 1e-8 }, ["name"], "received nothing"],
    ["a number", 3, [], "expected an optimizer name"],
  ])("rejects %s with one issue at its path", (_what, input, path, fragment) => {
    const result = optimizerInputSchema.safeParse(input);

    expect(result.success).toBe(false);
    const issues = result.error?.issues ?? [];
    expect(issues.map((issue) => issue.path)).toEqual([path]);
    expect(issues[0].message).toContain(fragment);
  });
});
