// Typed errors. Library code throws these; only src/cli turns them into exit codes and text.

/** Stable machine-readable codes; tests assert these, never the wording. */
export type ErrorCode =
  | "spec.invalid"
  | "spec.read"
  | "spec.file"
  | "data.file"
  | "data.empty"
  | "data.encoding"
  | "data.parse"
  | "data.column"
  | "data.value"
  | "data.missing"
  | "data.target"
  | "model.weights"
  | "flag.invalid"
  | "sweep.config"
  | "result.invalid";

/** Where in an input a problem sits; every field optional, filled as far as known. */
export interface Place {
  file?: string;
  line?: number;
  column?: string | number;
  path?: string;
}

/** An error caused by the user's input: spec, flags or data. Exit code 2. */
export class LrFindError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number = 2;
  readonly place: Place;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, place: Place = {}, hint?: string) {
    super(message);
    this.name = "LrFindError";
    this.code = code;
    this.place = place;
    this.hint = hint;
  }
}

/** One problem inside a spec; a SpecError carries all of them at once. */
export interface SpecIssue {
  path: string;
  message: string;
  line?: number;
}

/** Every problem found in a spec file or the flags, reported together. */
export class SpecError extends LrFindError {
  readonly issues: SpecIssue[];

  constructor(file: string | undefined, issues: SpecIssue[]) {
    super("spec.invalid", formatIssues(file, issues), { file });
    this.name = "SpecError";
    this.issues = issues;
  }
}

function formatIssues(file: string | undefined, issues: SpecIssue[]): string {
  const where = file ?? "command-line flags";
  const lines = issues.map((issue) => {
    const at = issue.line !== undefined ? `${where}:${issue.line}` : where;
    return `  ${at}: ${issue.path || "(top level)"}: ${issue.message}`;
  });
  const noun = issues.length === 1 ? "problem" : "problems";
  return `invalid spec (${issues.length} ${noun}):\n${lines.join("\n")}`;
}

/** Narrowing helper used by the CLI and tests. */
export function isLrFindError(error: unknown): error is LrFindError {
  return error instanceof LrFindError;
}

/** Render a value for an error message so invisible characters show up (BOM, NBSP, tabs). */
export function visible(text: string): string {
  return JSON.stringify(text)
    .slice(1, -1)
    .replace(/[\u00a0\u200b-\u200f\ufeff]/g, (ch) => {
      return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}`;
    });
}
