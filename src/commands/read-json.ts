// Reading a JSON file a user points at, with an error that says what went wrong.

import { readFileSync } from "node:fs";
import { resolve } from "node:path";

import { LrFindError, type ErrorCode } from "../errors.js";

/** Parse the JSON file at `path`; a missing, unreadable or invalid file is a typed error. */
export function readJsonFile(
  path: string,
  code: ErrorCode,
  hint: string,
): { file: string; value: unknown } {
  const file = resolve(path);
  try {
    return { file, value: JSON.parse(readFileSync(file, "utf8")) as unknown };
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code;
    const why =
      errno === "ENOENT"
        ? "file not found"
        : errno === "EISDIR"
          ? "is a folder, not a file"
          : errno
            ? `cannot read (${errno})`
            : "not valid JSON";
    throw new LrFindError(code, `${file}: ${why}`, { file }, hint);
  }
}
