import { describe, expect, it } from "vitest";
import { parseRecords } from "../../src/data/parse-records.js";
import type { Layout } from "../../src/data/sniff.js";
import { LrFindError } from "../../src/errors.js";

const LAYOUT: Layout = {
  delimiter: ",",
  header: true,
  fromLine: 1,
  metadata: null,
  notes: [],
  warnings: [],
};

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

function parseIn(text: string, size = 1 << 16, layout: Layout = LAYOUT) {
  return parseRecords(chunked(text, size), layout, "data.csv");
}

async function parseError(text: string, size = 1 << 16): Promise<LrFindError> {
  const outcome = await parseIn(text, size).catch((error: unknown) => error);
  expect(outcome).toBeInstanceOf(LrFindError);
  return outcome as LrFindError;
}

const TEXT = 'id,note\n1,"a\nb"\n\n2,"say ""hi"""\n\n\n3,plain\n';

describe("parseRecords", () => {
  it.each([1, 2, 3, 7, 64])("gives the same records and lines in chunks of %i", async (size) => {
    const records = await parseIn(TEXT, size);
    expect(records.header).toEqual(["id", "note"]);
    expect(records.rows).toEqual([
      ["1", "a\nb"],
      ["2", 'say "hi"'],
      ["3", "plain"],
    ]);
    expect(records.lines).toEqual([2, 5, 8]);
  });

  it("starts counting at the line after a metadata line", async () => {
    const records = await parseIn("150,4,a,b\nx,y\n1,2\n", 64, { ...LAYOUT, fromLine: 2 });
    expect(records.headerLine).toBe(2);
    expect(records.lines).toEqual([3]);
  });

  it.each([1, 5, 1 << 16])("places a ragged row deep in a file (chunks of %i)", async (size) => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${i},"n${i}"`).join("\n");
    const error = await parseError(`a,b\n${rows}\n1,2,3\n4,5\n`, size);
    expect(error).toMatchObject({ code: "data.parse", place: { line: 3002 } });
  });

  it("places an unterminated quote on the line where it opens, after many records", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${i},"n${i}"`).join("\n");
    const error = await parseError(`a,b\n${rows}\n\n7,"open\nmore\n`, 4096);
    expect(error).toMatchObject({ code: "data.parse", place: { line: 3003, column: "b" } });
  });

  it.each([
    ["text after a closing quote", 'a,b,y\n1,2,0\n1,"2"x,0\n'],
    ["a quote inside an unquoted field", "a,b,y\n1,2,0\n1,5'3\",0\n"],
  ])("names the line and column of %s", async (_, text) => {
    const error = await parseError(text);
    expect(error).toMatchObject({ code: "data.parse", place: { line: 3, column: "b" } });
  });

  it("compares widths with the first row when there is no header", async () => {
    const outcome = await parseIn("1,2\n3,4,5\n", 64, { ...LAYOUT, header: false }).catch(
      (error: unknown) => error,
    );
    expect(outcome).toMatchObject({ code: "data.parse", place: { line: 2 } });
  });
});
