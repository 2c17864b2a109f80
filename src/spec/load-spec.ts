// Spec file or flags → ResolvedSpec: parse, normalise, then the cross-field rules.

import { existsSync, readFileSync } from "node:fs";
import { dirname, extname, resolve } from "node:path";

import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";

import { LrFindError, SpecError, type SpecIssue } from "../errors.js";
import { dottedPath, lineOf, type SpecSource } from "./locate.js";
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
  const path = resolve(file);
  if (!existsSync(path)) {
    throw new LrFindError(
      "spec.file",
      `spec file not found: ${path}`,
      { file: path },
      "check the path; it is resolved against the current directory",
    );
  }

  const text = readFileSync(path, "utf8");
  if (extname(path).toLowerCase() === ".json") checkStrictJson(path, text);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => ({
      path: "",
      message: `not valid YAML/JSON: ${e.message.split("\n")[0]}`,
      line: lines.linePos(e.pos[0]).line,
    }));
    throw new SpecError(path, issues);
  }

  const raw: unknown = doc.toJS();
  const shape =
    raw === null || raw === undefined
      ? "an empty file"
      : Array.isArray(raw)
        ? "a list"
        : typeof raw !== "object"
          ? `a ${typeof raw}`
          : null;
  if (shape !== null) {
    throw new SpecError(path, [
      {
        path: "",
        line: 1,
        message:
          `the spec must be a mapping of ` + `keys (data:, optimizer:, sweep:, ...), got ${shape}`,
      },
    ]);
  }
  return resolveSpec(raw, { file: path, doc, lines }, dirname(path), overrides);
}

// YAML accepts JSON's near misses (trailing commas, comments); a .json file must be JSON
function checkStrictJson(path: string, text: string): void {
  try {
    JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split("\n").length : undefined;
    throw new SpecError(path, [{ path: "", line, message: `not valid JSON: ${message}` }]);
  }
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
