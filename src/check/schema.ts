// The `expect:` block: what a CI job asserts about a range-test result.

import { z } from "zod";

/** "1e-3..1e-1" or [1e-3, 1e-1]: an inclusive lr interval. */
export const lrIntervalSchema = z
  .preprocess(
    (v) => {
      if (typeof v !== "string") return v;
      const m = /^\s*([^\s.]+(?:\.[^\s.]+)?)\s*\.\.\s*(\S+)\s*$/.exec(v);
      return m ? [Number(m[1]), Number(m[2])] : v;
    },
    z.tuple([z.number().positive(), z.number().positive()], {
      error: "expected MIN..MAX such as 1e-4..1e-1, or a list [min, max]",
    }),
  )
  .refine(([lo, hi]) => lo < hi, { error: "the lower bound must be below the upper bound" });

export const expectSchema = z.strictObject({
  /** The suggestion must lie in this interval (and must exist). */
  lr: lrIntervalSchema.optional(),
  /** The run must not diverge (or hit a non-finite loss) at an lr below this. */
  no_divergence_below: z.number().positive().optional(),
});

export type ExpectConfig = z.output<typeof expectSchema>;
