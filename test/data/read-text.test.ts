import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeText, type DecodeState } from "../../src/data/decode-text.js";
import { openText } from "../../src/data/read-text.js";
import { LrFindError } from "../../src/errors.js";
import { useTempFiles, writeTemp } from "./helpers.js";

useTempFiles();

async function readAll(bytes: Uint8Array | Buffer[]): Promise<string> {
  const chunks = Array.isArray(bytes) ? bytes : [Buffer.from(bytes)];
  const state: DecodeState = { file: "test.csv", encoding: "utf-8", lines: 0 };
  let text = "";
  for await (const piece of decodeText(toAsync(chunks), state)) text += piece;
  return text;
}

async function* toAsync(chunks: Buffer[]): AsyncGenerator<Buffer> {
  yield* chunks;
}

async function openError(bytes: Uint8Array): Promise<LrFindError> {
  const outcome = await openText(writeTemp(bytes)).then(
    async (source) => {
      for await (const _ of source.chunks);
    },
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(LrFindError);
  return outcome as LrFindError;
}

describe("decodeText", () => {
  it.each([
    ["a UTF-8 BOM", Buffer.from("\ufeffa,b\n1,2\n"), "a,b\n1,2\n"],
    ["UTF-16 LE", Buffer.from("\ufeffa,é\n", "utf16le"), "a,é\n"],
    ["UTF-16 BE", Buffer.from("\ufeffa,é\n", "utf16le").swap16(), "a,é\n"],
    ["CRLF", Buffer.from("a\r\nb\r\n"), "a\nb\n"],
    ["lone CR", Buffer.from("a\rb\r"), "a\nb\n"],
    ["short text", Buffer.from("a"), "a"],
    ["nothing", Buffer.alloc(0), ""],
  ])("decodes %s to text with \\n line breaks", async (_, bytes, text) => {
    expect(await readAll(bytes)).toBe(text);
  });

  it("joins a CRLF split across two chunks into one line break", async () => {
    expect(await readAll([Buffer.from("a,b\r"), Buffer.from("\n1,2\r"), Buffer.from("\n")])).toBe(
      "a,b\n1,2\n",
    );
  });

  it("decodes a character split across two chunks", async () => {
    const bytes = Buffer.from("x,é\n");
    expect(await readAll([bytes.subarray(0, 3), bytes.subarray(3)])).toBe("x,é\n");
  });
});

describe("openText", () => {
  it("decompresses gzip by its magic bytes and reports it", async () => {
    const source = await openText(writeTemp(gzipSync("a,b\n1,2\n"), "data.csv.gz"));
    expect(source).toMatchObject({ compressed: true, complete: true, head: "a,b\n1,2\n" });
  });

  it("gives a head for sniffing and the whole text as chunks", async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `${i},${i * 2}`).join("\n");
    const source = await openText(writeTemp(`a,b\n${rows}\n`));
    expect(source.complete).toBe(false);
    let text = "";
    for await (const piece of source.chunks) text += piece;
    expect(text).toBe(`a,b\n${rows}\n`);
    expect(text.startsWith(source.head)).toBe(true);
  });

  it.each([
    ["Latin-1 bytes", Buffer.from("a,b\n1,caf\xe9\n", "latin1"), 2],
    ["UTF-16 without a BOM", Buffer.from("a,b\n", "utf16le"), undefined],
    ["a ZIP archive", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), undefined],
    ["NUL bytes", Buffer.from("ab,c\n\u0000\u0000\u0000\n"), undefined],
    ["a broken gzip stream", Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5]), undefined],
  ])("refuses %s as data.encoding, with the line when known", async (_, bytes, line) => {
    const error = await openError(bytes);
    expect(error.code).toBe("data.encoding");
    expect(error.place.line).toBe(line);
  });

  it("names a missing file as data.file", async () => {
    const file = "/nonexistent/lr-find/data.csv";
    const outcome = await openText(file).catch((e: unknown) => e);
    expect(outcome).toMatchObject({ code: "data.file", place: { file } });
  });
});
