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
    ? [{ path: "sweep.loss", message: "'validation' needs data.validation > 0 (a held-out fraction)" }]
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

const RULES: Rule[] = [layerLrMatchesLayers, validationLossHasSplit, optimizerNamesDistinct];

/** Every rule's issues, all at once. */
export function checkRules(spec: ResolvedSpec): RuleIssue[] {
  return RULES.flatMap((rule) => rule(spec));
}
