import { describe, expect, it } from "vitest";

import { smoothCentered } from "../../src/suggest/centered.js";
import { gradientAt, gradientUnit } from "../../src/suggest/gradient.js";
import { singleBatchSpike } from "../../src/suggest/guards.js";
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
      expectClose(
        gradientUnit(s),
        c.suggestions.steepest_gradient_wrt_index.gradient,
        1e-9,
        1e-15,
        "unit gradient",
      );
      expectClose(
        gradientAt(s, x),
        c.suggestions.steepest_gradient_wrt_log10_lr.gradient,
        1e-9,
        1e-14,
        "log10 gradient",
      );
    },
  );

  it.each(golden.cases.map((c) => [c.name, c] as const))(
    "%s: valley finds the same longest decreasing subsequence as fastai",
    (_name, c) => {
      const { first_index: first, last_index: last } = c.suggestions.window;
      const v = valley(c.smoothed_loss.slice(first, last + 1) as number[]);
      const g = c.suggestions.valley_fastai;
      expect([v.index, v.start, v.end, v.length]).toEqual([
        g.index_in_window,
        g.max_start_in_window,
        g.max_end_in_window,
        g.longest_decreasing_subsequence_length,
      ]);
    },
  );
});

describe("guard rails of the suggestion", () => {
  it("gives no suggestion and says why when too few points are usable (BL-02)", () => {
    const lr = ladder(4);
    const out = suggest(lr, [1, 0.9, 0.8, 5], [1, 0.9, 0.8, 5], 4, "valley");
    expect(out.pick).toBeNull();
    expect(out.range).toBeNull();
    expect(out.reason).toBe(
      `only 4 usable points, need ≥ ${MIN_ITERATIONS}; ` +
        "lower start_lr/end_lr or raise iterations",
    );
    for (const m of SUGGEST_METHODS) expect(out.suggestions[m]).toBeNull();
  });

  it("derives no range and no pick from a curve that only rises (BL-18)", () => {
    const n = 40;
    const rising = Array.from({ length: n }, (_, i) => 1 + i * 0.05);
    const out = suggest(ladder(n), rising, rising, n, "valley");
    expect(out.pick).toBeNull();
    expect(out.range).toBeNull();
    expect(out.reason).toMatch(/never fell/);
    expect(out.guards.map((g) => g.code)).toEqual(["loss_never_fell"]);
  });

  it.each(SUGGEST_METHODS)("always gives min < max with the pick inside, for %s", (method) => {
    const n = 100;
    const curve = Array.from({ length: n }, (_, i) => {
      const t = i / (n - 1);
      return 1 - 0.8 * Math.sin((Math.PI * Math.min(t, 0.8)) / 1.6) + (t > 0.8 ? (t - 0.8) * 5 : 0);
    });
    const out = suggest(ladder(n), curve, curve, n, method);
    expect(out.pick).not.toBeNull();
    expect(out.range).not.toBeNull();
    const { min, max } = out.range as { min: number; max: number };
    expect(min).toBeLessThan(max);
    expect(out.pick?.lr).toBeGreaterThanOrEqual(min);
    expect(out.pick?.lr).toBeLessThanOrEqual(max);
  });
});

describe("the lag-free smoother", () => {
  // a logistic drop whose steepest point is at step 60, plus deterministic batch noise
  const n = 100;
  const center = 60;
  const clean = Array.from({ length: n }, (_, i) => 1 - 0.6 / (1 + Math.exp(-(i - center) / 4)));
  const noisy = clean.map((v, i) => v + 0.02 * Math.sin(i * 12.9898) * Math.cos(i * 78.233));

  it("finds the steepest point within two steps of where it is", () => {
    const smooth = smoothCentered(noisy, n);
    const g = gradientUnit(smooth);
    let k = 0;
    for (let i = 1; i < n; i++) if (g[i] < g[k]) k = i;
    expect(Math.abs(k - center)).toBeLessThanOrEqual(2);
  });

  it("keeps the steepest point in place where the causal EMA moves it later", () => {
    let avg = 0;
    const ema = noisy.map((v, i) => {
      avg = 0.98 * avg + 0.02 * v;
      return avg / (1 - 0.98 ** (i + 1));
    });
    const lr = ladder(n);
    const out = suggest(lr, noisy, ema, n, "steepest");
    expect(Math.abs((out.suggestions.steepest?.index ?? -99) - center)).toBeLessThanOrEqual(2);
    expect(out.suggestions.steepest_ema?.index ?? 0).toBeGreaterThan(center + 5);
  });

  it("reproduces a straight line exactly, ends included", () => {
    const line = Array.from({ length: 30 }, (_, i) => 2 - 0.05 * i);
    expectClose(smoothCentered(line, 30), line, 1e-12, 1e-12, "line");
  });
});

describe("more guard rails", () => {
  it("calls a flat curve flat and gives no number (BL-11's tiny rates)", () => {
    const n = 40;
    const flat = Array.from({ length: n }, (_, i) => 0.69 + 1e-4 * Math.sin(i));
    const out = suggest(ladder(n, 1e-7, 1e-6), flat, flat, n, "valley");
    expect(out.pick).toBeNull();
    expect(out.guards[0].code).toBe("flat_curve");
    expect(out.reason).toMatch(/widen the range/);
  });

  it("warns when the pick sits at the edge of the usable range", () => {
    const n = 40;
    const falling = Array.from({ length: n }, (_, i) => 2 - i * 0.04);
    const out = suggest(ladder(n), falling, falling, n, "minimum");
    expect(out.guards.map((g) => g.code)).toContain("pick_at_edge");
  });

  it("flags a divergence set off by a single batch", () => {
    const raw = [1, 0.9, 0.95, 0.85, 0.9, 0.88, 0.86, 0.84, 0.87, 0.83, 0.82, 40];
    expect(singleBatchSpike(raw, 11)?.code).toBe("single_batch_spike");
    expect(singleBatchSpike([...raw.slice(0, 10), 5, 40], 11)).toBeNull();
  });
});

describe("valley on long curves", () => {
  // the O(m²) definition, as fastai writes it
  function naiveLds(s: number[]): number[] {
    const lds = s.map(() => 1);
    for (let i = 1; i < s.length; i++) {
      for (let j = 0; j < i; j++) if (s[i] < s[j] && lds[j] + 1 > lds[i]) lds[i] = lds[j] + 1;
    }
    return lds;
  }

  it("finds the same stretch as the quadratic definition, ties included", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 50; trial++) {
      const s = Array.from({ length: 200 }, () => Math.round(next() * 40) / 4);
      const lds = naiveLds(s);
      let end = 0;
      for (let i = 1; i < s.length; i++) if (lds[i] > lds[end]) end = i;
      const v = valley(s);
      expect([v.end, v.length]).toEqual([end, lds[end]]);
    }
  });
});
