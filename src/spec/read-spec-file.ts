// A spec file read as a YAML/JSON document whose nodes know their lines.

import { existsSync, readFileSync } from "node:fs";
import { extname, resolve } from "node:path";

import { LineCounter, parseDocument } from "yaml";

import { LrFindError, SpecError } from "../errors.js";
import type { SpecSource } from "./locate.js";

/** File names lr-find reads as specs rather than as data. */
export function isSpecPath(path: string): boolean {
  return [".yaml", ".yml", ".json"].includes(extname(path).toLowerCase());
}

/**
 * Parse a spec file into a mapping plus its source (for line numbers). A missing file, bad
 * YAML/JSON, or a top level that is not a mapping is a clear error.
 */
export function readSpecFile(file: string): { raw: Record<string, unknown>; source: SpecSource } {
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
  const shape = shapeOf(raw);
  if (shape !== null) {
    const message = `the spec must be a mapping of keys (data:, sweep:, ...), got ${shape}`;
    throw new SpecError(path, [{ path: "", line: 1, message }]);
  }
  return { raw: raw as Record<string, unknown>, source: { file: path, doc, lines } };
}

function shapeOf(raw: unknown): string | null {
  if (raw === null || raw === undefined) return "an empty file";
  if (Array.isArray(raw)) return "a list";
  return typeof raw === "object" ? null : `a ${typeof raw}`;
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
