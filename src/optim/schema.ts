// The `optimizer` section of a spec: one strict object per update rule, told apart by `name`,
// with snake_case keys. Defaults are PyTorch's (https://docs.pytorch.org/docs/stable/optim.html,
// one page per class); LARS has no PyTorch class, its defaults come from arXiv:1708.03888.

import { z } from "zod";
import { beta, epsilon, nonNegative, positive, unitInterval } from "./schema-fields.js";

export const OPTIMIZER_NAMES = ["sgd", "adagrad", "rmsprop", "adam", "adamw", "lars"] as const;

// Accepted by every optimizer. The sweep does the clipping; the spec layer checks that
// layer_lr has one multiplier per layer and turns it into each group's lrScale.
const commonFields = {
  clip_norm: positive("clip_norm").optional(),
  clip_value: positive("clip_value").optional(),
  layer_lr: z
    .array(positive("layer_lr entry"))
    .min(1, { error: "expected at least one multiplier per layer, received []" })
    .optional(),
};

type SgdFields = { momentum: number; dampening: number; nesterov: boolean };

// PyTorch's SGD refuses nesterov without momentum or with dampening; the issue points at the
// number to change.
function nesterovNeedsMomentumWithoutDampening(sgd: SgdFields, ctx: z.RefinementCtx): void {
  if (!sgd.nesterov) return;

  if (sgd.momentum <= 0) {
    const message = `expected momentum > 0 with nesterov: true, received ${sgd.momentum}`;
    ctx.addIssue({ code: "custom", path: ["momentum"], input: sgd.momentum, message });
  }
  if (sgd.dampening !== 0) {
    const message = `expected dampening 0 with nesterov: true, received ${sgd.dampening}`;
    ctx.addIssue({ code: "custom", path: ["dampening"], input: sgd.dampening, message });
  }
}

const sgdSchema = z
  .strictObject({
    name: z.literal("sgd"),
    momentum: nonNegative("momentum").default(0),
    dampening: unitInterval("dampening").default(0),
    nesterov: z.boolean().default(false),
    weight_decay: nonNegative("weight_decay").default(0),
    ...commonFields,
  })
  .superRefine(nesterovNeedsMomentumWithoutDampening);

const adagradSchema = z.strictObject({
  name: z.literal("adagrad"),
  lr_decay: nonNegative("lr_decay").default(0),
  eps: epsilon("eps").default(1e-10),
  initial_accumulator_value: nonNegative("initial_accumulator_value").default(0),
  weight_decay: nonNegative("weight_decay").default(0),
  ...commonFields,
});

const rmspropSchema = z.strictObject({
  name: z.literal("rmsprop"),
  alpha: unitInterval("alpha").default(0.99),
  eps: epsilon("eps").default(1e-8),
  centered: z.boolean().default(false),
  momentum: nonNegative("momentum").default(0),
  weight_decay: nonNegative("weight_decay").default(0),
  ...commonFields,
});

// Adam and AdamW share every field; only weight decay differs (coupled L2, default 0, versus
// decoupled, default 0.01).
const adamFields = {
  betas: z.tuple([beta("betas[0]"), beta("betas[1]")]).default([0.9, 0.999]),
  eps: epsilon("eps").default(1e-8),
  amsgrad: z.boolean().default(false),
  ...commonFields,
};

const adamSchema = z.strictObject({
  name: z.literal("adam"),
  weight_decay: nonNegative("weight_decay").default(0),
  ...adamFields,
});

const adamwSchema = z.strictObject({
  name: z.literal("adamw"),
  weight_decay: nonNegative("weight_decay").default(0.01),
  ...adamFields,
});

// Momentum 0.9 and weight decay 5e-4 as in the paper's experiments; trust_coefficient (eta)
// 0.001 as in the paper and common implementations (the golden cases pass 0.01 explicitly).
const larsSchema = z.strictObject({
  name: z.literal("lars"),
  momentum: nonNegative("momentum").default(0.9),
  weight_decay: nonNegative("weight_decay").default(5e-4),
  trust_coefficient: positive("trust_coefficient").default(0.001),
  ...commonFields,
});

function shownName(input: unknown): string {
  return input === undefined ? "nothing" : String(JSON.stringify(input));
}

// An unknown or missing name says which names exist instead of zod's bare "Invalid input".
function unknownOptimizer(iss: { code?: string; input?: unknown }): string | undefined {
  const names = OPTIMIZER_NAMES.join(", ");
  if (iss.code === "invalid_union") {
    const name = (iss.input as { name?: unknown } | undefined)?.name;
    return `expected name to be one of ${names}, received ${shownName(name)}`;
  }
  if (iss.code === "invalid_type") {
    return (
      `expected an optimizer name (${names}) or an object with a name, ` +
      `received ${shownName(iss.input)}`
    );
  }
  return undefined;
}

/** The optimizer section in its full object form, defaults filled in. */
export const optimizerSchema = z.discriminatedUnion(
  "name",
  [sgdSchema, adagradSchema, rmspropSchema, adamSchema, adamwSchema, larsSchema],
  { error: unknownOptimizer },
);

/** Also accepts the shorthand `optimizer: adam`, meaning `{ name: adam }` with defaults. */
export const optimizerInputSchema = z.preprocess(
  (input) => (typeof input === "string" ? { name: input } : input),
  optimizerSchema,
);

export type OptimizerConfig = z.infer<typeof optimizerSchema>;
export type OptimizerInput = z.input<typeof optimizerSchema>;
export type OptimizerName = OptimizerConfig["name"];
export type OptimizerConfigOf<N extends OptimizerName> = Extract<OptimizerConfig, { name: N }>;
