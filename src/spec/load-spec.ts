// Spec file or flags → ResolvedSpec: parse, normalise, then the cross-field rules.

import { dirname, resolve } from "node:path";

import type { z } from "zod";

import { SpecError, type SpecIssue } from "../errors.js";
import { dottedPath, lineOf, type SpecSource } from "./locate.js";
import { readSpecFile } from "./read-spec-file.js";
import { checkRules } from "./rules.js";
import { installSpecMessages } from "./messages.js";
import { specSchema, type Spec } from "./schema.js";
import { unknownKeyMessage } from "./unknown-keys.js";
import type { OptimizerConfig } from "../optim/schema.js";

installSpecMessages();

/** One flag that overrides a spec field, e.g. --start-lr → sweep.start_lr. */
export interface Override {
  path: string[];
  value: unknown;
  flag: string;
}

/** A spec after parsing: defaults filled, paths absolute, optimizers always a list. */
export interface ResolvedSpec extends Omit<Spec, "optimizer"> {
  optimizers: OptimizerConfig[];
  /** The spec file, or undefined when the run was described by flags alone. */
  source: string | undefined;
}

/** Read and resolve a spec file (YAML or JSON; JSON is read by the YAML parser too). */
export function loadSpec(file: string, overrides: Override[] = []): ResolvedSpec {
  const { raw, source } = readSpecFile(file);
  return resolveSpec(raw, source, dirname(source.file), overrides);
}

/** Resolve a spec given as a plain object (from a file or built from flags). */
export function resolveSpec(
  raw: unknown,
  source: SpecSource | undefined,
  baseDir: string,
  overrides: Override[] = [],
): ResolvedSpec {
  const merged = applyOverrides(raw, overrides);
  const parsed = specSchema.safeParse(merged);
  if (!parsed.success) {
    const single = !Array.isArray((merged as { optimizer?: unknown } | null)?.optimizer);
    throw new SpecError(source?.file, toIssues(parsed.error, source, overrides, single));
  }

  const spec = normalise(parsed.data, source?.file, baseDir);
  const issues = checkRules(spec).map((r) => ({
    ...r,
    line: lineOf(source, r.path.split(/[.[\]]+/).filter(Boolean)),
  }));
  if (issues.length > 0) throw new SpecError(source?.file, issues);
  return spec;
}

function normalise(spec: Spec, file: string | undefined, baseDir: string): ResolvedSpec {
  const { optimizer: optimizers, ...rest } = spec;
  const at = (p: string) => resolve(baseDir, p);

  return {
    ...rest,
    data: {
      ...rest.data,
      path: at(rest.data.path),
      ...(rest.data.target_path !== undefined ? { target_path: at(rest.data.target_path) } : {}),
    },
    model: { ...rest.model, ...(rest.model.weights ? { weights: at(rest.model.weights) } : {}) },
    optimizers,
    source: file,
  };
}

function applyOverrides(raw: unknown, overrides: Override[]): unknown {
  if (overrides.length === 0) return raw;
  const isMap = raw !== null && typeof raw === "object" && !Array.isArray(raw);
  const root = (isMap ? structuredClone(raw) : {}) as Record<string, unknown>;

  for (const { path, value } of overrides) {
    let node = root;
    for (const key of path.slice(0, -1)) {
      const child = node[key];
      if (child === null || typeof child !== "object" || Array.isArray(child)) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
  }
  return root;
}

function toIssues(
  error: z.ZodError,
  source: SpecSource | undefined,
  overrides: Override[],
  singleOptimizer: boolean,
) {
  const issues = error.issues.flatMap((issue): SpecIssue[] => {
    // a single optimizer is parsed as a one-element list; report it as the user wrote it
    const at =
      singleOptimizer && issue.path[0] === "optimizer"
        ? issue.path.filter((_, i) => i !== 1)
        : issue.path;
    const path = dottedPath(at);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: dottedPath([...at, key]),
        message: unknownKeyMessage(path, key),
        line: lineOf(source, [...at, key]),
      }));
    }
    const flag = overrides.find((o) => {
      const key = o.path.join(".");
      return path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`);
    });
    const message = flag ? `${issue.message} (from ${flag.flag})` : issue.message;
    return [{ path, message, line: flag ? undefined : lineOf(source, at) }];
  });
  // one message per field (an int above the safe range would otherwise get two)
  const seen = new Set<string>();
  const unique = issues.filter((i) => !seen.has(i.path) && seen.add(i.path) !== undefined);
  return unique.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}
