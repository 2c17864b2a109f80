// Decode a byte stream by its byte-order mark and normalize line endings, failing with a
// clear message on bytes that are not text (UTF-16 without a mark, ZIP, invalid UTF-8).

import { TextDecoder } from "node:util";
import { LrFindError } from "../errors.js";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be";

/** Filled while decoding: what the file turned out to be, and how many lines have passed. */
export interface DecodeState {
  file: string;
  encoding: TextEncodingName;
  lines: number;
}

/** Bytes in, text out; the mark itself is dropped by TextDecoder. */
export async function* decodeText(
  bytes: AsyncIterable<Buffer>,
  state: DecodeState,
): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let pending: Buffer = Buffer.alloc(0);
  let carriageReturn = false;

  const emit = (text: string): string => {
    if (text.includes("\u0000")) throw binaryError(state);
    let out = carriageReturn ? `\r${text}` : text;
    carriageReturn = out.endsWith("\r");
    if (carriageReturn) out = out.slice(0, -1);
    if (out.includes("\r")) out = out.replace(/\r\n?/g, "\n");
    state.lines += countNewlines(out);
    return out;
  };

  for await (const chunk of bytes) {
    if (decoder === null) {
      // the mark needs the first four bytes
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      if (pending.length < 4) continue;
      decoder = pickDecoder(pending, state);
      yield emit(decodeChunk(decoder, pending, state));
      continue;
    }
    yield emit(decodeChunk(decoder, chunk, state));
  }

  // a file shorter than four bytes never left `pending`
  let rest = "";
  if (decoder === null) {
    decoder = pickDecoder(pending, state);
    rest = decodeChunk(decoder, pending, state);
  }
  const tail = emit(rest + flush(decoder, state));
  yield carriageReturn ? `${tail}\n` : tail;
}

function pickDecoder(head: Buffer, state: DecodeState): TextDecoder {
  const [b0, b1, b2, b3] = head;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) {
    throw encodingError(state, "is UTF-32, which is not supported", "save it as UTF-8");
  }
  if (b0 === 0xff && b1 === 0xfe) state.encoding = "utf-16le";
  else if (b0 === 0xfe && b1 === 0xff) state.encoding = "utf-16be";
  else if (b0 === 0x50 && b1 === 0x4b && b2 === 0x03 && b3 === 0x04) {
    throw encodingError(
      state,
      "is a ZIP archive (an Excel .xlsx workbook?), not a CSV file",
      "export the sheet as CSV (UTF-8)",
    );
  } else if (head.length >= 2 && (b0 === 0) !== (b1 === 0)) {
    const order = b1 === 0 ? "LE" : "BE";
    throw encodingError(
      state,
      `looks like UTF-16 ${order} without a byte-order mark`,
      "save it as UTF-8 (or as UTF-16 with a byte-order mark)",
    );
  }
  return new TextDecoder(state.encoding, { fatal: true });
}

function decodeChunk(decoder: TextDecoder, bytes: Buffer, state: DecodeState): string {
  try {
    return decoder.decode(bytes, { stream: true });
  } catch {
    throw invalidBytes(bytes, state);
  }
}

function flush(decoder: TextDecoder, state: DecodeState): string {
  try {
    return decoder.decode();
  } catch {
    throw encodingError(state, `ends in the middle of a ${state.encoding} character`, "");
  }
}

/** Name the line and the first byte that does not decode, so the user can find it. */
function invalidBytes(bytes: Buffer, state: DecodeState): LrFindError {
  const loose = new TextDecoder(state.encoding).decode(bytes);
  const at = loose.indexOf("\ufffd");
  const before = at < 0 ? loose : loose.slice(0, at);
  const line = state.lines + countNewlines(before) + 1;
  const offset = Buffer.byteLength(before, state.encoding === "utf-8" ? "utf8" : "utf16le");
  const byte = bytes[offset];
  const shown = byte === undefined ? "" : ` (byte 0x${byte.toString(16).padStart(2, "0")})`;
  return new LrFindError(
    "data.encoding",
    `${state.file}: line ${line} is not valid ${state.encoding}${shown}`,
    { file: state.file, line },
    "the file may be Latin-1 or Windows-1252; save it as UTF-8",
  );
}

function binaryError(state: DecodeState): LrFindError {
  return encodingError(
    state,
    "contains NUL characters: it is binary, or UTF-16 without a byte-order mark",
    "save it as a UTF-8 CSV file",
  );
}

function encodingError(state: DecodeState, what: string, hint: string): LrFindError {
  return new LrFindError(
    "data.encoding",
    `${state.file} ${what}`,
    { file: state.file },
    hint || undefined,
  );
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count += 1;
  return count;
}
