import { describe, expect, it } from "vitest";
import { adamwDecayNonPositive } from "../../src/optim/decay-warning.js";
import { optimizerSchema } from "../../src/optim/schema.js";

describe("adamwDecayNonPositive", () => {
  it.each([
    { spec: { name: "adamw", weight_decay: 0.01 }, lr: 10, warns: false },
    { spec: { name: "adamw", weight_decay: 0.01 }, lr: 100, warns: true },
    { spec: { name: "adamw", weight_decay: 0.5 }, lr: 3, warns: true },
    { spec: { name: "adamw", weight_decay: 0 }, lr: 1e6, warns: false },
    { spec: { name: "adamw", weight_decay: 0.1, layer_lr: [1, 4] }, lr: 3, warns: true },
    { spec: { name: "adam", weight_decay: 0.5 }, lr: 3, warns: false },
    { spec: { name: "sgd", weight_decay: 0.5 }, lr: 3, warns: false },
  ])("says $warns for $spec.name with wd $spec.weight_decay at lr $lr", ({ spec, lr, warns }) => {
    expect(adamwDecayNonPositive(optimizerSchema.parse(spec), lr)).toBe(warns);
  });
});
