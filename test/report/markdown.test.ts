import { beforeAll, describe, expect, it } from "vitest";

import type { RangeTestResult } from "../../src/commands/range-test.js";
import { fmtNum } from "../../src/report/format.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { REPO } from "../helpers/cli.js";
import { rangeTest, withoutSuggestion } from "../helpers/results.js";

// Each Markdown table as its header cells and body rows (cells split on unescaped pipes).
function tables(markdown: string): { head: string[]; rows: string[][] }[] {
  const cells = (line: string) =>
    line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());
  return markdown
    .split(/\n{2,}/)
    .map((block) => block.split("\n"))
    .filter((lines) => lines.every((l) => l.startsWith("|") && l.endsWith("|")))
    .map((lines) => ({ head: cells(lines[0]), rows: lines.slice(2).map(cells) }));
}

const runsTable = (markdown: string) => tables(markdown).find((t) => t.head.includes("optimizer"));

describe("the Markdown summary (renderMarkdown)", () => {
  let single: RangeTestResult;
  let compare: RangeTestResult;

  beforeAll(async () => {
    [single, compare] = await Promise.all([rangeTest("iris.yaml"), rangeTest("iris-compare.yaml")]);
  });

  it("opens with a heading and one line describing data, model and sweep", () => {
    const lines = renderMarkdown(single).split("\n");
    expect(lines[0]).toBe("## lr-find: learning-rate range test");
    expect(lines[2]).toBe(
      "`iris.csv` · 150 rows · classification, 3 classes · model 4-16-3 relu · sgd · " +
        "lr 1e-5 → 10 exponential · 100 iterations · batch 16 · seed 42",
    );
    expect(lines[2]).not.toContain(REPO);
  });

  it("has one table row per run, with the chosen suggestion in bold", () => {
    for (const result of [single, compare]) {
      const markdown = renderMarkdown(result);
      const table = runsTable(markdown);
      expect(table?.rows).toHaveLength(result.runs.length);
      expect(table?.rows.every((r) => r.length === table.head.length)).toBe(true);
      expect(table?.rows[0][2]).toBe(`**${fmtNum(result.suggestion?.lr)}**`);
      expect(markdown).toContain(`Suggested lr: **${fmtNum(result.suggestion?.lr)}**`);
    }
    const rows = runsTable(renderMarkdown(compare))?.rows ?? [];
    expect(rows.map((r) => r[1])).toEqual([
      "sgd (momentum 0)",
      "sgd (momentum 0.9)",
      "adam",
      "adamw",
    ]);
    expect(rows[1][2]).not.toContain("**");
    expect(rows[1][6]).toBe(`diverged at lr ${fmtNum(compare.runs[1].stop.lr)}`);
  });

  it("lists every rule's suggestion for a single run, but not for several", () => {
    const rules = tables(renderMarkdown(single)).find((t) => t.head[0] === "rule");
    expect(rules?.rows.map((r) => r[0])).toEqual(["valley", "steep", "minimum", "steepest"]);
    const pick = single.runs[0].pick;
    expect(rules?.rows.flat()).toContain(`**${fmtNum(pick?.lr)} @${pick?.index}** (chosen)`);

    expect(tables(renderMarkdown(compare)).some((t) => t.head[0] === "rule")).toBe(false);
  });

  it("gives the reason instead of a suggestion when there is none", () => {
    const reason = "the loss never fell; lower start_lr";
    const markdown = renderMarkdown(withoutSuggestion(single, reason));
    expect(markdown).toContain("**No suggestion:** the loss never fell; lower start_lr");
    expect(markdown).not.toContain("Suggested lr");
    expect(runsTable(markdown)?.rows[0].slice(2, 5)).toEqual(["none", "–", "none"]);
  });

  it("says why each of several runs has no suggestion", () => {
    const markdown = renderMarkdown(withoutSuggestion(compare, "flat curve"));
    expect(markdown).toContain("- 3 adam: no suggestion: flat curve");
    expect(runsTable(markdown)?.rows).toHaveLength(compare.runs.length);
  });

  it("escapes pipes in cells and HTML in free text", () => {
    const odd = structuredClone(compare);
    odd.runs[2].optimizer = "my|opt";
    odd.warnings = [{ code: "data", message: "column <b> has | in it" }];
    const markdown = renderMarkdown(odd);
    const table = runsTable(markdown);
    expect(table?.rows[2][1]).toBe("my\\|opt");
    expect(table?.rows[2]).toHaveLength(table?.head.length ?? 0);
    expect(markdown).toContain("- column &lt;b&gt; has | in it (`data`)");
  });

  it("lists warnings as bullets under their own heading", () => {
    const markdown = renderMarkdown(compare);
    expect(compare.warnings.length).toBeGreaterThan(0);
    const after = markdown.split("### Warnings\n\n")[1] ?? "";
    expect(after.trimEnd().split("\n")).toHaveLength(compare.warnings.length);
    expect(after.split("\n").every((l) => l === "" || l.startsWith("- "))).toBe(true);

    const quiet = renderMarkdown({ ...single, warnings: [] });
    expect(quiet).not.toContain("Warnings");
  });
});
