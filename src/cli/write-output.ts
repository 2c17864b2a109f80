// Writing a file the user asked for (--out, --save-weights), with an error that names the flag.

import { writeFileSync } from "node:fs";
import { resolve } from "node:path";

import { LrFindError } from "../errors.js";

/** Write `text` to `path`; a missing folder or a read-only place is a typed error. */
export function writeOutput(flag: string, path: string, text: string): void {
  const file = resolve(path);
  try {
    writeFileSync(file, text);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? "write failed";
    throw new LrFindError(
      "flag.invalid",
      `${flag} ${file}: cannot write (${why})`,
      { file },
      "check that the folder exists and is writable",
    );
  }
}
