// Cross-field rules, each named as the claim it checks.

import type { ResolvedSpec } from "./load-spec.js";

interface RuleIssue {
  path: string;
  message: string;
}

type Rule = (spec: ResolvedSpec) => RuleIssue[];

const layerLrMatchesLayers: Rule = (spec) => {
  const layers = spec.model.hidden.length + 1;
  return spec.optimizers.flatMap((opt, i) => {
    if (opt.layer_lr === undefined || opt.layer_lr.length === layers) return [];
    const path = spec.optimizers.length > 1 ? `optimizer[${i}].layer_lr` : "optimizer.layer_lr";
    const message =
      `needs one multiplier per layer: the model has ${layers} layers ` +
      `(hidden ${JSON.stringify(spec.model.hidden)} + output), got ${opt.layer_lr.length}`;
    return [{ path, message }];
  });
};

const validationLossHasSplit: Rule = (spec) =>
  spec.sweep.loss === "validation" && !(spec.data.validation > 0)
    ? [
        {
          path: "sweep.loss",
          message: "'validation' needs data.validation > 0 (a held-out fraction)",
        },
      ]
    : [];

const optimizerNamesDistinct: Rule = (spec) => {
  const seen = new Set<string>();
  return spec.optimizers.flatMap((opt, i) => {
    const key = JSON.stringify(opt);
    if (!seen.has(key)) {
      seen.add(key);
      return [];
    }
    return [{ path: `optimizer[${i}]`, message: `repeats an earlier entry (${opt.name})` }];
  });
};

// one-cycle and cyclic with cycle_momentum set SGD's momentum or Adam's beta1 every step
const cycledMomentumHasAKnob: Rule = (spec) => {
  const s = spec.schedule;
  if (s === undefined || !(s.kind === "one_cycle" || s.kind === "cyclic") || !s.cycle_momentum) {
    return [];
  }
  const opt = spec.optimizers[0];
  if (opt.name === "adam" || opt.name === "adamw" || (opt.name === "sgd" && opt.momentum > 0)) {
    return [];
  }
  const what = opt.name === "sgd" ? "has momentum 0" : "has no momentum to cycle";
  const fix =
    opt.name === "sgd"
      ? "set optimizer.momentum > 0 (e.g. 0.9)"
      : "use sgd with momentum, adam or adamw (beta1 is cycled)";
  return [
    {
      path: "schedule.cycle_momentum",
      message:
        `${s.kind} cycles momentum, but optimizer: ${opt.name} ${what}; ${fix}, ` +
        "or set schedule.cycle_momentum: false",
    },
  ];
};

const RULES: Rule[] = [
  layerLrMatchesLayers,
  validationLossHasSplit,
  optimizerNamesDistinct,
  cycledMomentumHasAKnob,
];

/** Every rule's issues, all at once. */
export function checkRules(spec: ResolvedSpec): RuleIssue[] {
  return RULES.flatMap((rule) => rule(spec));
}
