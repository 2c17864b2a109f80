// The `expect:` block: what a CI job asserts about a range-test result.

import { z } from "zod";

/** "1e-3..1e-1" or [1e-3, 1e-1]: an inclusive lr interval. */
export const lrIntervalSchema = z
  .union([
    z.tuple([z.number().positive(), z.number().positive()]),
    z
      .string()
      .regex(/^\s*[^.\s]+(\.[^.\s]+)?\s*\.\.\s*\S+\s*$/, {
        error: "expected MIN..MAX, e.g. 1e-3..1e-1",
      })
      .transform((text, ctx) => {
        const [lo, hi] = text.split("..").map((t) => Number(t.trim()));
        if (!(lo > 0 && hi > 0)) {
          ctx.addIssue({ code: "custom", message: `expected two numbers > 0, got '${text}'` });
          return z.NEVER;
        }
        return [lo, hi] as [number, number];
      }),
  ])
  .refine(([lo, hi]) => lo < hi, { error: "the lower bound must be below the upper bound" });

export const expectSchema = z.strictObject({
  /** The suggestion must lie in this interval (and must exist). */
  lr: lrIntervalSchema.optional(),
  /** The run must not diverge (or hit a non-finite loss) at an lr below this. */
  no_divergence_below: z.number().positive().optional(),
});

export type ExpectConfig = z.output<typeof expectSchema>;
