// The `data:` block of a spec: which file, which columns, and how to read and prepare them.

import { z } from "zod";

/** Cells that mean "no value" unless the spec lists its own markers. */
export const DEFAULT_NA_VALUES: readonly string[] = [
  "",
  "NA",
  "N/A",
  "NaN",
  "nan",
  "?",
  "null",
  "NULL",
];

/** A column is named by its header text or by its 0-based position. */
const columnRefSchema = z.union([z.string().min(1), z.number().int().nonnegative()]);

const delimiterSchema = z.union([
  z.literal("auto"),
  z
    .string()
    .length(1)
    .refine((ch) => !['"', "\n", "\r"].includes(ch), {
      message: "a delimiter cannot be a quote or a line break",
    }),
]);

export const dataSchema = z
  .strictObject({
    path: z.string().min(1),
    /** A second file holding the target column, matched to `path` row by row. */
    target_path: z.string().min(1).optional(),
    /** Default: the last column (of `target_path` when it is set). */
    target: columnRefSchema.optional(),
    /** Default: every column that is not the target and not excluded. */
    features: z.array(columnRefSchema).min(1).optional(),
    exclude: z.array(columnRefSchema).default(() => []),
    /** Feature columns to one-hot encode even though their cells look numeric. */
    categorical: z.array(columnRefSchema).default(() => []),
    header: z.union([z.literal("auto"), z.boolean()]).default("auto"),
    delimiter: delimiterSchema.default("auto"),
    task: z.enum(["auto", "classification", "regression"]).default("auto"),
    missing: z.enum(["error", "drop", "mean"]).default("error"),
    na_values: z.array(z.string()).default(() => [...DEFAULT_NA_VALUES]),
    decimal: z.enum([".", ","]).default("."),
    thousands: z.enum(["none", ",", ".", " ", "'"]).default("none"),
    standardize: z.boolean().default(true),
    standardize_target: z.boolean().default(true),
    shuffle: z.boolean().default(true),
    validation: z.number().min(0).max(0.9).default(0),
    max_classes: z.number().int().min(2).default(50),
  })
  .superRefine((data, ctx) => {
    if (!decimalDiffersFromThousands(data)) {
      ctx.addIssue({
        code: "custom",
        path: ["thousands"],
        message: `the thousands separator cannot equal the decimal mark '${data.decimal}'`,
      });
    }
  });

export type DataConfig = z.infer<typeof dataSchema>;

/** "1.234,5" can only be read when the two marks differ. */
function decimalDiffersFromThousands(data: { decimal: string; thousands: string }): boolean {
  return data.decimal !== data.thousands;
}
