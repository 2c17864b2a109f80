import { describe, expect, it } from "vitest";

import { gradientAt, gradientUnit } from "../../src/suggest/gradient.js";
import { suggest, SUGGEST_METHODS } from "../../src/suggest/suggest.js";
import { valley } from "../../src/suggest/valley.js";
import { MIN_ITERATIONS } from "../../src/suggest/window.js";
import golden from "../golden/range_test_iris.json" with { type: "json" };
import { expectClose } from "../helpers/tolerance.js";

const ladder = (n: number, a = 1e-5, b = 10) =>
  Array.from({ length: n }, (_, i) => a * (b / a) ** (i / (n - 1)));

describe("suggestion rules on PyTorch's Iris curves", () => {
  it.each(golden.cases.map((c) => [c.name, c] as const))(
    "%s: numpy.gradient with unit and log10(lr) spacing matches the golden arrays",
    (_name, c) => {
      const { first_index: first, last_index: last } = c.suggestions.window;
      const s = c.smoothed_loss.slice(first, last + 1) as number[];
      const x = c.lr.slice(first, last + 1).map(Math.log10);
      expectClose(gradientUnit(s), c.suggestions.steepest_gradient_wrt_index.gradient, 1e-9, 1e-15,
        "unit gradient");
      expectClose(gradientAt(s, x), c.suggestions.steepest_gradient_wrt_log10_lr.gradient, 1e-9,
        1e-14, "log10 gradient");
    },
  );

  it.each(golden.cases.map((c) => [c.name, c] as const))(
    "%s: valley finds the same longest decreasing subsequence as fastai",
    (_name, c) => {
      const { first_index: first, last_index: last } = c.suggestions.window;
      const v = valley(c.smoothed_loss.slice(first, last + 1) as number[]);
      const g = c.suggestions.valley_fastai;
      expect([v.index, v.start, v.end, v.length]).toEqual([g.index_in_window,
        g.max_start_in_window, g.max_end_in_window, g.longest_decreasing_subsequence_length]);
    },
  );
});

describe("guard rails of the suggestion", () => {
  it("gives no suggestion and says why when too few points are usable (BL-02)", () => {
    const lr = ladder(4);
    const out = suggest(lr, [1, 0.9, 0.8, 5], 4, "valley");
    expect(out.pick).toBeNull();
    expect(out.range).toBeNull();
    expect(out.reason).toBe(`only 4 usable points, need ≥ ${MIN_ITERATIONS}; ` +
      "lower start_lr/end_lr or raise iterations");
    for (const m of SUGGEST_METHODS) expect(out.suggestions[m]).toBeNull();
  });

  it("derives no range and no pick from a curve that only rises (BL-18)", () => {
    const n = 40;
    const rising = Array.from({ length: n }, (_, i) => 1 + i * 0.05);
    const out = suggest(ladder(n), rising, n, "valley");
    expect(out.pick).toBeNull();
    expect(out.range).toBeNull();
    expect(out.reason).toMatch(/never fell/);
  });

  it.each(SUGGEST_METHODS)("always gives min < max with the pick inside, for %s", (method) => {
    const n = 100;
    const curve = Array.from({ length: n }, (_, i) => {
      const t = i / (n - 1);
      return 1 - 0.8 * Math.sin(Math.PI * Math.min(t, 0.8) / 1.6) + (t > 0.8 ? (t - 0.8) * 5 : 0);
    });
    const out = suggest(ladder(n), curve, n, method);
    expect(out.pick).not.toBeNull();
    expect(out.range).not.toBeNull();
    const { min, max } = out.range as { min: number; max: number };
    expect(min).toBeLessThan(max);
    expect(out.pick?.lr).toBeGreaterThanOrEqual(min);
    expect(out.pick?.lr).toBeLessThanOrEqual(max);
  });
});
