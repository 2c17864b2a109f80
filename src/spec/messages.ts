// zod's default wording rewritten for people editing a spec: "required" for a missing key,
// "a whole number" for int, the limit and the value received for ranges and choices.

import { z } from "zod";

import { shown } from "../shown.js";

const NOUNS: Record<string, string> = {
  int: "a whole number",
  number: "a number",
  string: "text",
  object: "a mapping of keys",
  array: "a list",
  boolean: "true or false",
};

/** Install lr-find's error wording into zod once, before any spec is parsed. */
export function installSpecMessages(): void {
  z.config({ customError: (issue) => message(issue) });
}

function message(issue: z.core.$ZodRawIssue): string | undefined {
  const got = shown(issue.input);
  switch (issue.code) {
    case "invalid_type": {
      const want = NOUNS[issue.expected] ?? issue.expected;
      return issue.input === undefined
        ? `required (expected ${want})`
        : `expected ${want}, received ${got}`;
    }
    case "too_small":
    case "too_big": {
      const low = issue.code === "too_small";
      if (issue.origin === "array") {
        const count = String(low ? issue.minimum : issue.maximum);
        return `needs ${low ? "at least" : "at most"} ${count} items`;
      }
      const limit = String(low ? issue.minimum : issue.maximum);
      const op = low ? (issue.inclusive ? "≥" : ">") : issue.inclusive ? "≤" : "<";
      return `must be ${op} ${limit}, received ${got}`;
    }
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => String(v)).join(", ")}, received ${got}`;
    default:
      return undefined;
  }
}
