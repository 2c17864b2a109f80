// Bytes to text: gzip, byte-order marks, encodings and line endings are settled here, so
// the CSV layers above only ever see UTF-16 JavaScript strings with "\n" line breaks.

import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { createGunzip } from "node:zlib";
import { LrFindError } from "../errors.js";
import { decodeText, type DecodeState, type TextEncodingName } from "./decode-text.js";

/** The head must hold at least this much text and this many lines, if the file has them. */
const HEAD_CHARS = 64 * 1024;
const HEAD_LINES = 50;
/** ...but never more than this, however long the lines are. */
const MAX_HEAD_CHARS = 4 * 1024 * 1024;

export interface TextSource {
  file: string;
  encoding: TextEncodingName;
  compressed: boolean;
  /** The first part of the text, for sniffing; `complete` when it is all of it. */
  head: string;
  complete: boolean;
  /** The whole text, head included, every line ending turned into "\n". Read once. */
  chunks: AsyncIterable<string>;
  /** Size of the file on disk, in bytes (compressed size for gzip). */
  size: number;
  /** Bytes of the file read so far, for progress against `size`. */
  bytesRead(): number;
  /** Release the file when the chunks will not be read to the end. */
  close(): Promise<void>;
}

/** Bytes read from the file at a time, unless the caller asks for other. */
export const CHUNK_BYTES = 64 * 1024;

/** Open a text file, reading just enough of it to sniff its layout. */
export async function openText(file: string, chunkBytes = CHUNK_BYTES): Promise<TextSource> {
  const size = await checkReadable(file);
  const compressed = await isGzip(file);
  const state: DecodeState = { file, encoding: "utf-8", lines: 0 };
  const position = { bytes: 0 };
  const bytes = readBytes(file, compressed, position, chunkBytes);
  const text = decodeText(bytes, state)[Symbol.asyncIterator]();

  // read the head
  const head: string[] = [];
  let chars = 0;
  let complete = false;
  while (chars < MAX_HEAD_CHARS && (chars < HEAD_CHARS || state.lines < HEAD_LINES)) {
    const next = await text.next();
    if (next.done) {
      complete = true;
      break;
    }
    head.push(next.value);
    chars += next.value.length;
  }

  return {
    file,
    encoding: state.encoding,
    compressed,
    head: head.join(""),
    complete,
    chunks: replay(head, text),
    size,
    bytesRead: () => position.bytes,
    close: async () => {
      await text.return?.(undefined);
    },
  };
}

async function* replay(head: string[], rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield* head;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

async function checkReadable(file: string): Promise<number> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      throw new LrFindError("data.file", `${file} is a directory, not a CSV file`, { file });
    }
    return info.size;
  } catch (error) {
    if (error instanceof LrFindError) throw error;
    throw fileError(file, error);
  }
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, "r").catch((error: unknown) => {
    throw fileError(file, error);
  });
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

async function* readBytes(
  file: string,
  compressed: boolean,
  position: { bytes: number },
  chunkBytes: number,
): AsyncGenerator<Buffer> {
  const raw = createReadStream(file, { highWaterMark: chunkBytes });
  // zlib's smallest output chunk is 64 bytes
  const gunzip = () => createGunzip({ chunkSize: Math.max(64, chunkBytes) });
  const source = compressed ? raw.pipe(gunzip()) : raw;
  if (compressed) raw.on("error", (error) => source.destroy(error));
  try {
    for await (const chunk of source) {
      position.bytes = raw.bytesRead;
      yield chunk as Buffer;
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("Z_")) {
      throw new LrFindError(
        "data.encoding",
        `${file} starts like a gzip file but cannot be decompressed (${code})`,
        { file },
        "check that the download or copy is complete, or decompress it yourself",
      );
    }
    throw fileError(file, error);
  } finally {
    source.destroy();
    raw.destroy();
  }
}

function fileError(file: string, error: unknown): LrFindError {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") {
    return new LrFindError(
      "data.file",
      `data file not found: ${file}`,
      { file },
      "check data.path; a relative path is resolved from the folder of the spec file",
    );
  }
  if (code === "EACCES" || code === "EPERM") {
    return new LrFindError("data.file", `cannot read ${file}: permission denied`, { file });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new LrFindError("data.file", `cannot read ${file}: ${reason}`, { file });
}
