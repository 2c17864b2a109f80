// The `schedule:` block of a spec: one strict object per kind, told apart by `kind`, with
// PyTorch's parameter names in lower case and PyTorch's defaults (one docs page per class under
// https://docs.pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate).

import { z } from "zod";

import {
  atLeastOne,
  flag,
  integerFrom,
  milestones,
  momentum,
  nonNegative,
  oneOf,
  openUnit,
  positive,
  shown,
  strictShape,
  unitInterval,
  upToOne,
} from "./schema-fields.js";
import { checkScheduleRules } from "./schema-rules.js";

export const SCHEDULE_KINDS = [
  "constant",
  "step",
  "multistep",
  "exponential",
  "polynomial",
  "cosine",
  "cosine_restarts",
  "cyclic",
  "one_cycle",
  "linear",
] as const;

export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

// SequentialLR([LinearLR(start_factor, end_factor=1, total_iters), main], [total_iters]);
// defaults are LinearLR's. total_iters 0 means no warmup.
const WARMUP_SHAPE = {
  total_iters: integerFrom("warmup.total_iters", 0).default(5),
  start_factor: upToOne("warmup.start_factor").default(1 / 3),
};

const warmupSchema = strictShape(WARMUP_SHAPE, (key) => {
  return `unknown key "${key}" in warmup; allowed: ${Object.keys(WARMUP_SHAPE).join(", ")}`;
});

const COMMON = {
  steps: integerFrom("steps", 1),
  warmup: warmupSchema.optional(),
};

const BASE = { ...COMMON, base_lr: positive("base_lr") };

// One shape per kind; fields carry PyTorch's own default where it has one.
const SHAPES = {
  constant: { kind: z.literal("constant"), ...BASE },
  step: {
    kind: z.literal("step"),
    ...BASE,
    step_size: integerFrom("step_size", 1),
    gamma: positive("gamma").default(0.1),
  },
  multistep: {
    kind: z.literal("multistep"),
    ...BASE,
    milestones: milestones("milestones"),
    gamma: positive("gamma").default(0.1),
  },
  exponential: { kind: z.literal("exponential"), ...BASE, gamma: positive("gamma") },
  polynomial: {
    kind: z.literal("polynomial"),
    ...BASE,
    total_iters: integerFrom("total_iters", 1).default(5),
    power: positive("power").default(1),
  },
  cosine: {
    kind: z.literal("cosine"),
    ...BASE,
    t_max: integerFrom("t_max", 1),
    eta_min: nonNegative("eta_min").default(0),
  },
  cosine_restarts: {
    kind: z.literal("cosine_restarts"),
    ...BASE,
    t_0: integerFrom("t_0", 1),
    t_mult: integerFrom("t_mult", 1).default(1),
    eta_min: nonNegative("eta_min").default(0),
  },
  // base_lr is the lower bound of the cycle. cycle_momentum is off by default, unlike PyTorch:
  // Adam has no `momentum` and PyTorch's default made CyclicLR fail with it (pytorch/pytorch
  // #73910). With Adam, the cycled "momentum" is beta1 (PyTorch's use_beta1 behaviour).
  cyclic: {
    kind: z.literal("cyclic"),
    ...BASE,
    max_lr: positive("max_lr"),
    step_size_up: integerFrom("step_size_up", 1).default(2000),
    step_size_down: integerFrom("step_size_down", 1).optional(),
    mode: oneOf("mode", ["triangular", "triangular2", "exp_range"]).default("triangular"),
    gamma: upToOne("gamma").default(1),
    cycle_momentum: flag("cycle_momentum").default(false),
    base_momentum: momentum("base_momentum").default(0.8),
    max_momentum: momentum("max_momentum").default(0.9),
  },
  // No base_lr: one_cycle starts at max_lr / div_factor. total_steps defaults to steps.
  // Momentum cycles by default as in PyTorch; with Adam it is beta1.
  one_cycle: {
    kind: z.literal("one_cycle"),
    ...COMMON,
    max_lr: positive("max_lr"),
    total_steps: integerFrom("total_steps", 1).optional(),
    pct_start: openUnit("pct_start").default(0.3),
    anneal_strategy: oneOf("anneal_strategy", ["cos", "linear"]).default("cos"),
    div_factor: atLeastOne("div_factor").default(25),
    final_div_factor: atLeastOne("final_div_factor").default(1e4),
    three_phase: flag("three_phase").default(false),
    cycle_momentum: flag("cycle_momentum").default(true),
    base_momentum: momentum("base_momentum").default(0.85),
    max_momentum: momentum("max_momentum").default(0.95),
  },
  linear: {
    kind: z.literal("linear"),
    ...BASE,
    start_factor: upToOne("start_factor").default(1 / 3),
    end_factor: unitInterval("end_factor").default(1),
    total_iters: integerFrom("total_iters", 1).default(5),
  },
} as const;

// Say which kinds a misplaced key belongs to, or list what this kind accepts.
function unknownKeyMessage(kind: ScheduleKind) {
  return (key: string): string => {
    if (kind === "one_cycle" && key === "base_lr") {
      return `key "base_lr" does not apply to kind "one_cycle" (it starts at max_lr / div_factor)`;
    }
    const owners = SCHEDULE_KINDS.filter((other) => key in SHAPES[other]);
    if (owners.length > 0) {
      return `key "${key}" does not apply to kind "${kind}" (it is used by: ${owners.join(", ")})`;
    }
    const allowed = Object.keys(SHAPES[kind]).join(", ");
    return `unknown key "${key}" for kind "${kind}"; allowed: ${allowed}`;
  };
}

function kindError(iss: { input?: unknown }): string {
  const input = iss.input;
  const isObject = typeof input === "object" && input !== null && !Array.isArray(input);
  if (!isObject) {
    return `expected a schedule block (an object with a kind), received ${shown(input)}`;
  }

  const kind = (input as { kind?: unknown }).kind;
  return `expected kind one of ${SCHEDULE_KINDS.join(", ")}, received ${shown(kind)}`;
}

const kindsSchema = z.discriminatedUnion(
  "kind",
  [
    strictShape(SHAPES.constant, unknownKeyMessage("constant")),
    strictShape(SHAPES.step, unknownKeyMessage("step")),
    strictShape(SHAPES.multistep, unknownKeyMessage("multistep")),
    strictShape(SHAPES.exponential, unknownKeyMessage("exponential")),
    strictShape(SHAPES.polynomial, unknownKeyMessage("polynomial")),
    strictShape(SHAPES.cosine, unknownKeyMessage("cosine")),
    strictShape(SHAPES.cosine_restarts, unknownKeyMessage("cosine_restarts")),
    strictShape(SHAPES.cyclic, unknownKeyMessage("cyclic")),
    strictShape(SHAPES.one_cycle, unknownKeyMessage("one_cycle")),
    strictShape(SHAPES.linear, unknownKeyMessage("linear")),
  ],
  { error: kindError },
);

/** A parsed `schedule:` block: defaults filled, every field in range, cross-field rules met. */
export type ScheduleConfig = z.infer<typeof kindsSchema>;

/** The parsed block of one kind, e.g. KindConfig<"cyclic">. */
export type KindConfig<K extends ScheduleKind> = Extract<ScheduleConfig, { kind: K }>;

/** The `schedule:` block: field checks first, then the named cross-field rules. */
export const scheduleSchema = kindsSchema.superRefine(checkScheduleRules);
