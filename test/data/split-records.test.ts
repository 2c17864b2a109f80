// Lines without quotes are split directly, the rest goes to csv-parse: the records, their
// lines and every error must be what csv-parse alone gives, wherever the chunks break.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRecords } from "../../src/data/parse-records.js";
import type { Layout } from "../../src/data/sniff.js";

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

/** Records or the error, as plain data, read in chunks of `size`. */
async function outcome(text: string, size: number, layout: Layout, splitPlainLines: boolean) {
  try {
    return await parseRecords(chunked(text, size), layout, "f.csv", { splitPlainLines });
  } catch (error) {
    const { code, message, place, hint } = error as Record<string, unknown>;
    return { code, message, place, hint };
  }
}

/** Pieces of CSV, good and bad: quotes, doubled quotes, breaks, marks, delimiters. */
const piece = fc.constantFrom(
  ...'a 1 , ; " "" \n \n\n x\ty "q" \ufeff 2.5 ,, "a\nb" "x,y"'.split(" "),
  " ",
);
const text = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(""));

describe("splitting plain lines", () => {
  it("reads what csv-parse alone reads, in any chunks, errors included", async () => {
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.constantFrom(1, 1, 2, 3),
        fc.constantFrom(",", ";", "\t"),
        async (input, size, referenceSize, header, fromLine, delimiter) => {
          const layout = { ...LAYOUT, delimiter, header, fromLine };
          const reference = await outcome(input, referenceSize, layout, false);
          expect(await outcome(input, size, layout, true)).toEqual(reference);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("hands a quoted stretch to csv-parse and takes plain lines back after it", async () => {
    const plain = Array.from({ length: 3000 }, (_, i) => `${i},p${i}`);
    const input = `a,b\n${plain.join("\n")}\n1,"x\ny"\n${plain.join("\n")}\n2,"say ""hi"""\n3,z\n`;
    for (const size of [7, 4096, 1 << 16]) {
      const records = await parseRecords(chunked(input, size), LAYOUT, "f.csv");
      expect(records.rows).toHaveLength(6003);
      expect(records.rows[3000]).toEqual(["1", "x\ny"]);
      expect(records.rows[6001]).toEqual(["2", 'say "hi"']);
      expect(records.lines.slice(2999, 3002)).toEqual([3001, 3002, 3004]);
      expect(records.lines.at(-1)).toBe(6005);
    }
  });

  it("skips a metadata line with quotes through csv-parse", async () => {
    const layout = { ...LAYOUT, fromLine: 2 };
    const records = await parseRecords(chunked('3,2,"a,b"\nx,y\n1,2\n', 5), layout, "f.csv");
    expect(records.header).toEqual(["x", "y"]);
    expect(records.rows).toEqual([["1", "2"]]);
    expect(records.lines).toEqual([3]);
  });
});
