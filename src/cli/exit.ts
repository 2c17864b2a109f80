// The one place where errors become messages and exit codes.

import { CommanderError } from "commander";

import { isLrFindError } from "../errors.js";
import { wrapText } from "../report/format.js";

const COLUMNS = 80;

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  badInput: 2,
  check: 3,
  /** Ctrl-C: the partial result is printed first. */
  interrupted: 130,
} as const;

/** Print an error the way a user should see it and return the exit code. */
export function reportError(error: unknown, write: (text: string) => void): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message (unknown option, bad flag value, ...)
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version")
      return EXIT.ok;
    if (error.code === "commander.help") return EXIT.ok;
    return EXIT.badInput;
  }

  if (isLrFindError(error)) {
    // the message stays one line (scripts grep it); the hint is prose and may wrap
    write(`lr-find: error [${error.code}]: ${error.message}\n`);
    if (error.hint) write(`${wrapText(`  hint: ${error.hint}`, COLUMNS, "    ")}\n`);
    return error.exitCode;
  }

  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  write(`lr-find: unexpected error (this is a bug; please report it with the command and spec)\n`);
  write(`${stack}\n`);
  return EXIT.unexpected;
}
