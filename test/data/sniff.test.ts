import { describe, expect, it } from "vitest";
import { detectHeader, detectMetadata } from "../../src/data/detect-header.js";
import { sampleRecords } from "../../src/data/sample-records.js";
import { detectDelimiter, sniffLayout } from "../../src/data/sniff.js";

const READING = {
  decimal: "." as const,
  thousands: "none" as const,
  missing: new Set(["", "NA", "?"]),
};
const AUTO = { ...READING, delimiter: "auto", header: "auto" as const };

function records(text: string, delimiter = ",") {
  return sampleRecords(text, delimiter, true, 100);
}

describe("detectDelimiter", () => {
  it.each([
    ["comma", "a,b,c\n1,2,3\n4,5,6\n", ","],
    ["semicolon with decimal commas", "t;p;ok\n21,5;1013,2;1\n19,0;1009,8;0\n", ";"],
    ["tab", "a\tb\n1,5\t2\n3\t4\n", "\t"],
    ["pipe", "a|b|c\n1|2|3\n", "|"],
    ["single space", "59 2 32.1\n48 1 21.6\n72 2 30.5\n", " "],
    ["comma with quoted commas", 'a,b\n"1,2,3",4\n"5",6\n', ","],
    ["comma with quoted line breaks", 'a,b\n"x\ny;z",4\n"5",6\n', ","],
    ["comma under a metadata line", "3,2,p,q\n1,2,0\n3,4,1\n5,6,0\n", ","],
    ["semicolon with a narrower header", "a;b\n1;2;\n3;4;\n", ";"],
    ["the comma for a ragged comma file", "a,b,c\n1,2,3\n4,5,6,7\n8,9,10\n", ","],
    ["comma for a single column", "y\n1\n2\n", ","],
    ["comma, first, for spaced text", "name,n\nNEAR BAY,1\nINLAND,2\n", ","],
  ])("picks %s", (_, text, delimiter) => {
    expect(detectDelimiter(text, true)).toBe(delimiter);
  });
});

describe("sampleRecords", () => {
  it("keeps quoted delimiters and line breaks inside one field and records its start line", () => {
    const sample = records('id,note\n1,"a\nb"\n\n2,"say ""hi"""\n');
    expect(sample).toEqual([
      { line: 1, fields: ["id", "note"] },
      { line: 2, fields: ["1", "a\nb"] },
      { line: 5, fields: ["2", 'say "hi"'] },
    ]);
  });

  it("leaves out a last record that may be cut when the sample is not the whole file", () => {
    expect(sampleRecords("a,b\n1,2\n3,", ",", false, 10)).toHaveLength(2);
    expect(sampleRecords("a,b\n1,2\n3,", ",", true, 10)).toHaveLength(3);
  });
});

describe("detectMetadata", () => {
  it.each([
    ["iris (same width as the data)", "150,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n"],
    ["wine (another width)", "178,3,class_0,class_1\n14.23,1.71,2.43,0\n13.2,1.78,2.14,0\n"],
    ["boston (counts only, then names)", "506,2\nCRIM,ZN,MEDV\n0.006,18,24\n"],
  ])("recognises scikit-learn's metadata line: %s", (_, text) => {
    expect(detectMetadata(records(text), READING)).not.toBeNull();
  });

  it.each([
    ["digits (numbers of the same width)", "0,0,5,13\n0,0,0,12\n"],
    ["a header", "a,b,c\n1,2,3\n"],
    ["categorical data rows", "3,2,red\n4,2,blue\n5,2,red\n"],
    ["counts that do not match the width", "150,9,a,b,c\n1,2,3,4,5\n"],
  ])("does not mistake %s for metadata", (_, text) => {
    expect(detectMetadata(records(text), READING)).toBeNull();
  });
});

describe("detectHeader", () => {
  it.each([
    ["names over numbers", "x1,x2,y\n0.1,0.2,1\n", true],
    ["names over numbers with text columns", "species,mass\nAdelie,3750\nGentoo,5000\n", true],
    ["numbers only", "1,2,3\n4,5,6\n", false],
    ["data with text columns", "Adelie,39.1\nAdelie,39.5\nGentoo,46.1\n", false],
    ["a header with an empty last name", "x1,x2,y,\n0.1,0.2,1,\n", true],
    ["names over number-like cells", 'income,buy\n"52,300",1\n', true],
  ])("decides %s", (_, text, header) => {
    expect(detectHeader(records(text), READING).header).toBe(header);
  });

  it("guesses, and says so, when no column is numeric", () => {
    expect(detectHeader(records("colour,size\nred,big\nblue,small\n"), READING)).toEqual({
      header: true,
      guessed: true,
    });
    expect(detectHeader(records("red,big\nblue,small\nred,small\n"), READING)).toEqual({
      header: false,
      guessed: true,
    });
  });
});

describe("sniffLayout", () => {
  it("starts reading after a metadata line and notes it", () => {
    const layout = sniffLayout("150,4,a,b,c\n5.1,3.5,1.4,0.2,0\n4.9,3,1.4,0.2,0\n", true, AUTO);
    expect(layout).toMatchObject({ delimiter: ",", header: false, fromLine: 2 });
    expect(layout.notes.some((n) => n.includes("metadata"))).toBe(true);
  });

  it("lets explicit settings win over detection", () => {
    const layout = sniffLayout("a;b\n1;2\n", true, { ...READING, delimiter: ",", header: false });
    expect(layout).toMatchObject({ delimiter: ",", header: false, fromLine: 1 });
  });

  it("warns when the header decision is a guess", () => {
    const layout = sniffLayout("colour,size\nred,big\nblue,small\n", true, AUTO);
    expect(layout.warnings).toHaveLength(1);
  });
});
