// Seeds: whole numbers a 32-bit generator takes.

import { z } from "zod";

/** 0 … 2³² − 1, with one message for every way to miss. */
export const seedSchema = z.number().refine((v) => Number.isInteger(v) && v >= 0 && v < 2 ** 32, {
  error: (issue) => `expected a whole number from 0 to 4294967295, received ${String(issue.input)}`,
});
