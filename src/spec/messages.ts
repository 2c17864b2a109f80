// zod's wording where it would confuse a user: a missing key reads "required", not
// "received undefined".

import { z } from "zod";

/** Install lr-find's error wording into zod once, before any spec is parsed. */
export function installSpecMessages(): void {
  z.config({
    customError: (issue) => {
      if (issue.code === "invalid_type" && issue.input === undefined) {
        return `required (expected ${issue.expected})`;
      }
      return undefined;
    },
  });
}
