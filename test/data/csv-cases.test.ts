// Section C of shared/cases: CSV failure cases from public bug reports, each with its
// exact input and the behaviour lr-find promises. Errors are checked by code and place.

import { describe, expect, it } from "vitest";
import { featureByName, loadError, loadText, useTempFiles } from "./helpers.js";

useTempFiles();

/** Features are float32: compare with a relative tolerance that float32 rounding meets. */
const RTOL = 1e-6;

function closeTo(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  const worst = Math.max(
    ...actual.map((value, i) => Math.abs(value - expected[i]) / Math.max(1, Math.abs(expected[i]))),
  );
  expect(worst, `largest relative difference ${worst}`).toBeLessThanOrEqual(RTOL);
}

function utf16(text: string, order: "le" | "be"): Buffer {
  const le = Buffer.from(`\ufeff${text}`, "utf16le");
  return order === "le" ? le : le.swap16();
}

describe("BL-20: a byte-order mark never sticks to the first header", () => {
  const text = "price,rooms,area\n210.5,3,72.0\n185.0,2,60.5\n240.0,4,88.0\n199.9,3,70.1\n";

  it("strips a UTF-8 BOM so the first column is found by name", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const dataset = await loadText(bytes, { target: "price" });
    expect(dataset.targetName).toBe("price");
    expect(dataset.featureNames).toEqual(["rooms", "area"]);
    expect(dataset.train.rows).toBe(4);
    expect(dataset.task).toBe("regression");
  });

  it.each(["le", "be"] as const)("decodes UTF-16 %s with a BOM", async (order) => {
    const dataset = await loadText(utf16(text, order), { target: "price" });
    expect(dataset.targetName).toBe("price");
    expect(dataset.train.rows).toBe(4);
    expect(dataset.info.notes).toContain(`decoded from utf-16${order}`);
  });

  it("rejects UTF-16 without a BOM as an encoding problem", async () => {
    const error = await loadError(Buffer.from(text, "utf16le"), { target: "price" });
    expect(error.code).toBe("data.encoding");
  });

  it("lists the columns there are, invisible characters escaped, for a missing one", async () => {
    const error = await loadError(`\u00a0${text}`, { target: "price" });
    expect(error.code).toBe("data.column");
    expect(error.place).toMatchObject({ column: "price", path: "data.target" });
    expect(error.message).toContain("\\u00A0price");
  });
});

describe("BL-21: line breaks inside quotes and mixed line endings", () => {
  const text =
    'id,note,x,y\n1,"first line\r\nsecond line",0.4,1\n2,"plain",0.7,0\n' +
    '3,"has ""quotes"", and a comma",0.1,1\n';
  const spec = { target: "y", features: ["x"], standardize: false };

  it("reads exactly three records whatever the line ending inside the quotes", async () => {
    const dataset = await loadText(text, spec);
    expect(dataset.info.rowsRead).toBe(3);
    closeTo(featureByName(dataset, "x"), [0.4, 0.7, 0.1]);
  });

  it("cites the physical line of a record that follows a multi-line one", async () => {
    const error = await loadError(text.replace(",0.1,1", ",0.1x,1"), spec);
    expect(error.code).toBe("data.value");
    expect(error.place).toMatchObject({ line: 5, column: "x" });
    expect(error.message).toContain("row 3");
  });

  it("reports an unterminated quote with the line it starts on and its column", async () => {
    const error = await loadError(text.replace('a comma",', "a comma,"), spec);
    expect(error.code).toBe("data.parse");
    expect(error.place).toMatchObject({ line: 5, column: "note" });
  });

  it.each([
    ["CRLF", "a,b,y\r\n1,2,0\r\n3,4,1\r\n"],
    ["CR only", "a,b,y\r1,2,0\r3,4,1"],
    ["mixed", "a,b,y\n1,2,0\r\n3,4,1\r"],
  ])("reads %s line endings", async (_, input) => {
    const dataset = await loadText(input, { standardize: false });
    expect(dataset.train.rows).toBe(2);
    expect(featureByName(dataset, "b")).toEqual([2, 4]);
  });
});

describe("BL-23: decimal commas do not fool delimiter detection", () => {
  const text = "temp;pressure;ok\n21,5;1013,2;1\n19,0;1009,8;0\n22,1;1011,0;1\n18,7;1015,4;0\n";

  it("detects ';' and refuses '21,5' as a number by default", async () => {
    const error = await loadError(text, { target: "ok" });
    expect(error.code).toBe("data.value");
    expect(error.place).toMatchObject({ line: 2, column: "temp" });
    expect(error.hint).toContain("data.decimal");
  });

  it("reads decimal commas when the spec says so", async () => {
    const dataset = await loadText(text, { target: "ok", decimal: ",", standardize: false });
    expect(dataset.info.delimiter).toBe(";");
    closeTo(featureByName(dataset, "temp"), [21.5, 19.0, 22.1, 18.7]);
    closeTo(featureByName(dataset, "pressure"), [1013.2, 1009.8, 1011.0, 1015.4]);
  });

  it("lets an explicit delimiter override detection", async () => {
    const error = await loadError(text, { target: "ok", delimiter: "," });
    expect(error.code).toBe("data.parse");
    expect(error.place).toMatchObject({ line: 2 });
  });
});

describe("BL-24: very wide files", () => {
  const columns = 5000;
  const names = ["y", ...Array.from({ length: columns }, (_, j) => `f${j + 1}`)];

  function wide(delimiter: string, trailing: string): string {
    const lines = [names.join(delimiter)];
    for (let r = 0; r < 6; r++) {
      const cells = Array.from({ length: columns + 1 }, (_, j) => ((r * 31 + j * 17) % 97) / 7);
      lines.push(cells.join(delimiter) + trailing);
    }
    return `${lines.join("\n")}\n`;
  }

  it("loads 5001 columns with no cap, quickly", async () => {
    const started = performance.now();
    const dataset = await loadText(wide(",", ""), { target: "y" });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(dataset.train.rows).toBe(6);
    expect(dataset.info.columns).toHaveLength(columns + 1);
    expect(dataset.features).toBeGreaterThan(4900);
  });

  it("reports a data row one field wider than the header, not a silent drop", async () => {
    const error = await loadError(wide(";", ";"), { target: "y" });
    expect(error.code).toBe("data.parse");
    expect(error.place).toMatchObject({ line: 2 });
    expect(error.message).toContain("5002");
  });
});

describe("BL-25: a trailing delimiter never shifts names", () => {
  it("drops an unnamed, all-empty last column with a warning", async () => {
    const dataset = await loadText("x1,x2,y,\n0.1,0.2,1,\n0.3,0.1,0,\n0.6,0.9,1,\n");
    expect(dataset.targetName).toBe("y");
    expect(dataset.featureNames).toEqual(["x1", "x2"]);
    expect(Array.from(dataset.train.y)).toEqual([1, 0, 1]);
    expect(dataset.classes).toEqual(["0", "1"]);
    expect(dataset.info.warnings.some((w) => w.includes("column 4"))).toBe(true);
  });

  it("refuses data rows wider than a header without the trailing delimiter", async () => {
    const error = await loadError("x1,x2,y\n0.1,0.2,1,\n0.3,0.1,0,\n0.6,0.9,1,\n");
    expect(error.code).toBe("data.parse");
    expect(error.place).toMatchObject({ line: 2 });
  });
});

describe("BL-26: duplicate header names", () => {
  it("refuses exact duplicates, naming the name", async () => {
    const error = await loadError("x,x,y\n1,10,0\n2,20,1\n3,30,0\n", {
      features: ["x"],
      target: "y",
    });
    expect(error.code).toBe("data.column");
    expect(error.place).toMatchObject({ line: 1, column: "x" });
    expect(error.message).toContain("columns 1 and 2");
  });

  it.each([
    ["case only", "X,x,y\n1,10,0\n2,20,1\n3,30,0\n", [10, 20, 30]],
    ["a space", "x, x,y\n1,10,0\n2,20,1\n3,30,0\n", [1, 2, 3]],
  ])("warns about near-duplicates (%s) and resolves x exactly", async (_, text, x) => {
    const dataset = await loadText(text, { features: ["x"], target: "y", standardize: false });
    expect(featureByName(dataset, "x")).toEqual(x);
    expect(dataset.info.warnings.some((w) => w.includes("columns 1"))).toBe(true);
  });
});

describe("BL-27: thousands separators", () => {
  const text = 'income,age,buy\n"52,300",34,1\n"48,900",29,0\n"61,250",41,1\n"1,5",38,0\n';

  it("refuses '52,300' by default and points at data.thousands", async () => {
    const error = await loadError(text, { target: "buy" });
    expect(error.code).toBe("data.value");
    expect(error.place).toMatchObject({ line: 2, column: "income" });
    expect(error.hint).toContain("data.thousands");
  });

  it("with data.thousands ',' refuses '1,5', which breaks the grouping", async () => {
    const error = await loadError(text, { target: "buy", thousands: "," });
    expect(error.code).toBe("data.value");
    expect(error.place).toMatchObject({ line: 5, column: "income" });
  });

  it("with data.thousands ',' reads grouped numbers", async () => {
    const grouped = text.replace('"1,5",38,0\n', "");
    const dataset = await loadText(grouped, { target: "buy", thousands: ",", standardize: false });
    expect(featureByName(dataset, "income")).toEqual([52300, 48900, 61250]);
  });
});

describe("BL-28: missing-value markers", () => {
  const text = "a,b,y\n1.2,?,0\n0.8,3.1,1\nNA,2.2,0\n,1.9,1\n0.5,2.7,0\n";

  it("stops by default at the first gap, in line order", async () => {
    const error = await loadError(text);
    expect(error.code).toBe("data.missing");
    expect(error.place).toMatchObject({ line: 2, column: "b" });
    expect(error.message).toContain("a: 2");
    expect(error.message).toContain("b: 1");
  });

  it("drops rows with a gap when asked", async () => {
    const dataset = await loadText(text, { missing: "drop", standardize: false });
    expect(dataset.info.rowsDropped).toBe(3);
    expect(featureByName(dataset, "a")).toEqual([0.8, 0.5].map(Math.fround));
  });

  it("fills gaps with the training mean, never with 0", async () => {
    const dataset = await loadText(text, { missing: "mean", standardize: false });
    const mean = (1.2 + 0.8 + 0.5) / 3;
    closeTo(featureByName(dataset, "a"), [1.2, 0.8, mean, mean, 0.5]);
    closeTo(featureByName(dataset, "b"), [(3.1 + 2.2 + 1.9 + 2.7) / 4, 3.1, 2.2, 1.9, 2.7]);
    expect(dataset.info.columns.find((c) => c.name === "a")?.missing).toBe(2);
  });

  it("with missing: mean still drops rows whose target is missing", async () => {
    const dataset = await loadText("a,y\n1,0.5\n2,NA\n3,1.5\n4,2.5\n", { missing: "mean" });
    expect(dataset.info.rowsDropped).toBe(1);
    expect(dataset.train.rows).toBe(3);
  });

  it("finds a marker on row 1501 while loading, with its exact line", async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `${i % 10},${(i * 7) % 13},${i % 2}`);
    const error = await loadError(`a,b,y\n${rows.join("\n")}\n1,?,0\n`);
    expect(error.code).toBe("data.missing");
    expect(error.place).toMatchObject({ line: 1502, column: "b" });
  });
});

describe("BL-30: scientific notation and JavaScript number traps", () => {
  const text =
    "t,v,code,y\n-4.99E-03,+1.50E-03,2271e4,0\n-4.98e-03,+3.33E-02,A17,1\n" +
    "1e-3,2.5E+02,2271e4,0\n.5,-0.25,B02,1\n";
  const spec = { target: "y", exclude: ["code"], standardize: false };

  it("reads every exponent form and leading sign", async () => {
    const dataset = await loadText(text, spec);
    closeTo(featureByName(dataset, "t"), [-4.99e-3, -4.98e-3, 1e-3, 0.5]);
    closeTo(featureByName(dataset, "v"), [1.5e-3, 3.33e-2, 250, -0.25]);
  });

  it.each([
    ["0x1A", "data.value"],
    ["Infinity", "data.value"],
    ["1_000", "data.value"],
    ["1e400", "data.value"],
    ["NaN", "data.missing"],
  ])("refuses %s in a numeric column with line and column", async (cell, code) => {
    const error = await loadError(text.replace("1e-3,", `${cell},`), spec);
    expect(error.code).toBe(code);
    expect(error.place).toMatchObject({ line: 4, column: "t" });
  });

  it("refuses NaN as a number when it is not a missing-value marker", async () => {
    const error = await loadError(text.replace("1e-3,", "NaN,"), { ...spec, na_values: [""] });
    expect(error.code).toBe("data.value");
    expect(error.place).toMatchObject({ line: 4, column: "t" });
  });

  it("trims the spaces around a number", async () => {
    const dataset = await loadText(text.replace("1e-3,", "  7 ,"), spec);
    expect(featureByName(dataset, "t")[2]).toBe(7);
  });

  it("keeps class labels as text, never coerced to numbers", async () => {
    const dataset = await loadText(text, { target: "code", features: ["t", "v"] });
    expect(dataset.classes).toEqual(["2271e4", "A17", "B02"]);
    expect(Array.from(dataset.train.y)).toEqual([0, 1, 0, 2]);
  });
});

describe("BL-31: constant and near-constant columns", () => {
  const x2 = Array.from({ length: 10 }, (_, i) => i + 1);
  const text = `x1,x2,y\n${x2.map((v) => `0.1,${v},${(0.3 + 0.2 * v).toFixed(1)}`).join("\n")}\n`;

  it("drops a column of ten 0.1s with a warning naming it; the rest stays finite", async () => {
    const dataset = await loadText(text);
    expect(dataset.featureNames).toEqual(["x2"]);
    expect(dataset.info.warnings.some((w) => w.includes("x1"))).toBe(true);
    expect(dataset.train.x.every(Number.isFinite)).toBe(true);
    const column = featureByName(dataset, "x2");
    expect(Math.abs(column.reduce((s, v) => s + v, 0))).toBeLessThan(RTOL);
  });

  it("treats a column constant only in the training rows the same way", async () => {
    const varied = text.replace(/\n0\.1,9,/, "\n5.0,9,").replace(/\n0\.1,10,/, "\n7.0,10,");
    const dataset = await loadText(varied, { validation: 0.2, shuffle: false });
    expect(dataset.validation?.rows).toBe(2);
    expect(dataset.featureNames).toEqual(["x2"]);
    expect(dataset.info.columns.find((c) => c.name === "x1")?.outputs).toEqual([]);
  });
});

describe("BL-32: a target with a single class", () => {
  it("refuses a single-class target", async () => {
    const text = "x1,x2,label\n0.1,0.3,yes\n0.5,0.2,yes\n0.9,0.8,yes\n0.4,0.6,yes\n";
    const error = await loadError(text, { target: "label", task: "classification" });
    expect(error.code).toBe("data.target");
    expect(error.place).toMatchObject({ column: "label" });
    expect(error.message).toContain("1 class");
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    "keeps the only 'no' row in training, whatever the seed (%i)",
    async (seed) => {
      const text =
        "x1,x2,label\n0.1,0.3,yes\n0.5,0.2,yes\n0.9,0.8,no\n" +
        "0.4,0.6,yes\n0.2,0.7,yes\n0.3,0.1,yes\n";
      const dataset = await loadText(
        text,
        { target: "label", task: "classification", validation: 0.5 },
        seed,
      );
      expect(dataset.classes).toEqual(["no", "yes"]);
      expect(Array.from(dataset.train.y)).toContain(0);
      expect(Array.from(dataset.validation?.y ?? [])).not.toContain(0);
    },
  );
});
