import { join } from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import type { RangeTestResult } from "../../src/commands/range-test.js";
import { fmtNum } from "../../src/report/format.js";
import { renderSvg } from "../../src/report/svg.js";
import { rangeTest, withoutSuggestion } from "../helpers/results.js";

const TAG = /^<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>$/;

// A tiny well-formedness check: one root, every tag well formed and closed in order, and
// every & an entity. Returns what is wrong, so a failure says where.
function xmlProblems(doc: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const body = doc.replace(/^<\?xml [^?]*\?>\s*/, "");

  for (const [tag] of body.matchAll(/<[^>]*>/g)) {
    const m = TAG.exec(tag);
    if (m === null) {
      problems.push(`malformed tag ${tag}`);
      continue;
    }
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? "nothing"}>`);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name);
    }
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(" > ")}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  const bare = body.match(/&(?!(?:amp|lt|gt|quot|apos|#\d+);)[^;\s]*;?/g);
  if (bare) problems.push(`bare & in ${bare.join(", ")}`);
  return problems;
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe("the SVG chart (renderSvg)", () => {
  let single: RangeTestResult;
  let compare: RangeTestResult;

  beforeAll(async () => {
    [single, compare] = await Promise.all([rangeTest("iris.yaml"), rangeTest("iris-compare.yaml")]);
  });

  it("has a tag-balance check that catches a tag closed out of order", () => {
    expect(xmlProblems("<svg><g></svg>")).toEqual(["</svg> closes <g>", "unclosed svg"]);
    expect(xmlProblems('<svg><text a="1">a & b</text></svg>')).toEqual(["bare & in &"]);
  });

  it("is a well-formed standalone document with no NaN, for one run and for several", () => {
    for (const result of [single, compare, withoutSuggestion(compare, "flat")]) {
      const svg = renderSvg(result);
      expect(xmlProblems(svg)).toEqual([]);
      expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns=/);
      expect(svg).toContain('width="720" height="420"');
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    }
  });

  it("draws one smoothed and one raw path per run and names each run in the legend", () => {
    const svg = renderSvg(compare);
    expect(count(svg, /class="loss-smoothed"/g)).toBe(compare.runs.length);
    expect(count(svg, /class="loss-raw"/g)).toBe(compare.runs.length);

    const legend = /<g class="legend">(.*?)<\/g>/s.exec(svg)?.[1] ?? "";
    for (const name of ["1 sgd (momentum 0)", "2 sgd (momentum 0.9)", "3 adam", "4 adamw"]) {
      expect(legend).toContain(`>${name}<`);
    }
    // runs after the first are told apart by their dash pattern, not only by colour
    const dashes = (svg.match(/<path class="loss-smoothed"[^>]*>/g) ?? []).map(
      (tag) => /stroke-dasharray="([^"]*)"/.exec(tag)?.[1] ?? "solid",
    );
    expect(new Set(dashes).size).toBe(compare.runs.length);
  });

  it("labels decades on a log lr axis and nice numbers on the loss axis", () => {
    const svg = renderSvg(single);
    for (const decade of ["1e-5", "1e-4", "1e-3", "1e-2", "1e-1", "1e0", "1e1"]) {
      expect(svg).toContain(`>${decade}</text>`);
    }
    expect(svg).toContain(">learning rate (log scale)</text>");
    expect(svg).toContain(">loss (cross-entropy)</text>");
    expect(svg).toMatch(/>0\.5<\/text>/);
  });

  it("uses a linear lr axis when the sweep was linear", () => {
    const linear = structuredClone(single);
    linear.spec.sweep.mode = "linear";
    const svg = renderSvg(linear);
    expect(svg).toContain(">learning rate</text>");
    expect(svg).not.toContain(">1e-3</text>");
    expect(xmlProblems(svg)).toEqual([]);
  });

  it("marks each run's suggestion with a dashed line and its rule and lr", () => {
    const svg = renderSvg(single);
    const pick = single.runs[0].pick;
    expect(pick).not.toBeNull();
    expect(count(svg, /class="suggestion"/g)).toBe(1);
    expect(svg).toContain(`>${pick?.method} ${fmtNum(pick?.lr)}</text>`);

    const many = renderSvg(compare);
    expect(count(many, /class="suggestion"/g)).toBe(compare.runs.length);
    expect(many).toContain(`>2: valley ${fmtNum(compare.runs[1].pick?.lr)}</text>`);
  });

  it("shades the first run's range and marks where sweeps stopped early", () => {
    const svg = renderSvg(compare);
    expect(count(svg, /<rect class="range"/g)).toBe(1);
    const stopped = compare.runs.filter((r) => r.stop.reason !== "completed").length;
    expect(stopped).toBeGreaterThan(0);
    expect(count(svg, /class="stop"/g)).toBe(stopped);
    expect(svg).toContain(compare.runs[1].stop.message.replace(/>/g, "&gt;"));
  });

  it("cuts the y axis above a divergence spike and says so in a caption", () => {
    const svg = renderSvg(compare);
    expect(svg).toMatch(/class="caption"[^>]*>y axis cut at [\d.]+ to keep the descent readable/);
  });

  it("draws no suggestion marker and no range when nothing was suggested", () => {
    const svg = renderSvg(withoutSuggestion(single, "the loss never fell"));
    expect(svg).not.toContain('class="suggestion"');
    expect(svg).not.toContain('class="range"');
    expect(count(svg, /class="loss-smoothed"/g)).toBe(1);
  });

  it("leaves a gap at non-finite losses and keeps them out of the y scale", () => {
    const holed = structuredClone(single);
    holed.runs[0].points[50].smoothed_loss = null;
    holed.runs[0].points[50].lagfree_loss = null;
    holed.runs[0].points[50].loss = null;
    const svg = renderSvg(holed);
    const d = /class="loss-smoothed"[^>]* d="([^"]*)"/.exec(svg)?.[1] ?? "";
    expect(count(d, /M/g)).toBe(2);
    expect(svg).not.toMatch(/NaN/);
  });

  it("escapes file names and messages as XML text", () => {
    const odd = structuredClone(compare);
    odd.data.file = "/data/a<b>&'c\".csv";
    odd.runs[1].stop.message = "diverged <here> & there";
    const svg = renderSvg(odd);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain("a&lt;b&gt;&amp;&apos;c&quot;.csv");
    expect(svg).toContain("diverged &lt;here&gt; &amp; there");
  });

  it("gives the same bytes for the same result, at the size asked for", () => {
    expect(renderSvg(compare)).toBe(renderSvg(structuredClone(compare)));
    const big = renderSvg(single, { width: 960, height: 540 });
    expect(big).toContain('width="960" height="540" viewBox="0 0 960 540"');
    expect(xmlProblems(big)).toEqual([]);
  });
});
