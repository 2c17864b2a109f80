// Parse a `schedule:` block on its own (from flags, a preset or a test) into a typed config,
// or throw a SpecError carrying every issue at once with its dotted path.

import { SpecError, type SpecIssue } from "../errors.js";
import { scheduleSchema, type ScheduleConfig } from "./schema.js";

// a.b[2].c, the spec loader's spelling of a path
function dotted(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, prefix);
}

/** The block parsed, or a SpecError ("spec.invalid") whose paths start with `prefix`. */
export function parseSchedule(input: unknown, file?: string, prefix = "schedule"): ScheduleConfig {
  const result = scheduleSchema.safeParse(input);
  if (result.success) return result.data;

  const issues = result.error.issues.map((issue): SpecIssue => {
    return { path: dotted(prefix, issue.path), message: issue.message };
  });
  throw new SpecError(file, issues);
}
