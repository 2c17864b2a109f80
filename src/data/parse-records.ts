// Records with the physical line each starts on, read as the text streams in. Lines are
// counted here rather than taken from csv-parse's per-record `info`, which doubles its run
// time: a record spans one line plus the line breaks inside its quoted fields (the text only
// has "\n" breaks, see decode-text.ts). Widths are checked here too, so a blank line is
// skipped and a ragged row is reported with its exact line.

import { CsvError } from "csv-parse";
import { LrFindError } from "../errors.js";
import { describeDelimiter, type Layout } from "./sniff.js";
import { RecordSplitter } from "./split-records.js";

export interface Records {
  header: string[] | null;
  headerLine: number | null;
  rows: string[][]; // (N, C) cells as read
  lines: number[]; // (N,) physical line each row starts on, 1-based
}

/** The data rows parsed from one chunk of text. */
export interface RecordBatch {
  rows: string[][]; // (B, C) cells as read
  lines: number[]; // (B,) physical line each row starts on, 1-based
}

export interface ReadOptions {
  /** Split lines without quotes directly (default); false leaves all to csv-parse. */
  splitPlainLines?: boolean;
}

/** What the reader has seen before the rows: the header, and the first row for widths. */
export interface RecordHead {
  header: string[] | null;
  headerLine: number | null;
  firstLine: number | null;
  width: number | null;
}

/** Parse every record of `chunks`; errors name the file, the line and the column. */
export async function parseRecords(
  chunks: AsyncIterable<string>,
  layout: Layout,
  file: string,
  options: ReadOptions = {},
): Promise<Records> {
  const head = emptyHead();
  const records: Records = { header: null, headerLine: null, rows: [], lines: [] };
  for await (const batch of streamRecords(chunks, layout, file, head, options)) {
    for (const row of batch.rows) records.rows.push(row);
    for (const line of batch.lines) records.lines.push(line);
  }
  records.header = head.header;
  records.headerLine = head.headerLine;
  return records;
}

/** A RecordHead before anything is read. */
export function emptyHead(): RecordHead {
  return { header: null, headerLine: null, firstLine: null, width: null };
}

/**
 * The data rows of `chunks`, one batch per chunk of text; `head` is filled in as the
 * header and the first row go by. Errors name the file, the line and the column.
 */
export async function* streamRecords(
  chunks: AsyncIterable<string>,
  layout: Layout,
  file: string,
  head: RecordHead,
  options: ReadOptions = {},
): AsyncGenerator<RecordBatch> {
  let batch: RecordBatch = { rows: [], lines: [] };
  let line = layout.fromLine; // where the next record starts
  let problem: LrFindError | null = null;

  const take = (record: string[], quoted: boolean): void => {
    const start = line;
    line += quoted ? 1 + newlinesIn(record) : 1;
    if (problem !== null || (record.length === 1 && record[0] === "")) return;
    if (head.width === null) {
      head.width = record.length;
      if (layout.header) {
        head.header = record;
        head.headerLine = start;
        return;
      }
    }
    if (record.length !== head.width) {
      problem = widthError(record, start, head, layout, file);
      return;
    }
    head.firstLine ??= start;
    batch.rows.push(record);
    batch.lines.push(start);
  };

  const splitPlain = options.splitPlainLines ?? true;
  const splitter = new RecordSplitter(layout.delimiter, layout.fromLine, take, splitPlain);
  try {
    for await (const chunk of chunks) {
      await splitter.write(chunk);
      if (problem !== null) throw problem;
      if (batch.rows.length > 0) {
        yield batch;
        batch = { rows: [], lines: [] };
      }
    }
    await splitter.end();
  } catch (error) {
    // a ragged row taken before csv-parse failed comes first in the file
    if (problem !== null) throw problem;
    if (error instanceof CsvError) {
      throw csvError(error, file, line, splitter.segmentLine, head.header);
    }
    throw error;
  } finally {
    splitter.destroy();
  }
  if (problem !== null) throw problem;
  if (batch.rows.length > 0) yield batch;
}

/** "line 7 has 6 fields, header has 5 (trailing delimiter?)", with what to do. */
function widthError(
  record: string[],
  line: number,
  head: RecordHead,
  layout: Layout,
  file: string,
): LrFindError {
  const header = head.header;
  const expected = head.width ?? 0;
  const reference = header !== null ? "header has" : `line ${head.firstLine} has`;
  const count = record.length;
  const trailing = count === expected + 1 && record[count - 1] === "";
  const headerTrailing = count === expected - 1 && header?.at(-1) === "";
  let guess = "";
  if (trailing) guess = " (trailing delimiter?)";
  if (headerTrailing) guess = " (trailing delimiter on the header?)";
  const delimiter = describeDelimiter(layout.delimiter);
  return new LrFindError(
    "data.parse",
    `${file}: line ${line} has ${fields(count)}, ${reference} ${expected}${guess}`,
    { file, line },
    trailing || headerTrailing
      ? `use the same trailing ${delimiter} on the header and on the data lines, or none`
      : `every line needs the same number of fields; the delimiter is ${delimiter}` +
        " (set data.delimiter if that is wrong); quote fields that contain it",
  );
}

/**
 * Turn a csv-parse error into one that says where, what and what to do. csv-parse counts
 * lines from `segmentLine`, where the stretch of text it was given starts.
 */
function csvError(
  error: CsvError,
  file: string,
  line: number,
  segmentLine: number,
  header: string[] | null,
): LrFindError {
  const index = typeof error.index === "number" ? error.index : 0;
  const column = header?.[index] || `col${index + 1}`;
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    // nothing after the opening quote became a record, so `line` is where it starts
    return new LrFindError(
      "data.parse",
      `${file}: unterminated quoted field starting at line ${line}, column ${column}`,
      { file, line, column },
      'close the quote; a quote inside a quoted field is written twice ("")',
    );
  }
  const at = typeof error.lines === "number" ? segmentLine - 1 + error.lines : line;
  if (error.code === "CSV_INVALID_CLOSING_QUOTE") {
    return new LrFindError(
      "data.parse",
      `${file}: line ${at}, column ${column}: characters after the closing quote of a field`,
      { file, line: at, column },
      'a quote inside a quoted field is written twice (""); or quote the whole field',
    );
  }
  if (error.code === "INVALID_OPENING_QUOTE") {
    return new LrFindError(
      "data.parse",
      `${file}: line ${at}, column ${column}: a quote inside a field that does not start with one`,
      { file, line: at, column },
      'quote the whole field and write the quotes inside it twice ("")',
    );
  }
  const place = { file, line: at };
  return new LrFindError("data.parse", `${file}: line ${at}: ${error.message}`, place);
}

function fields(count: number): string {
  return count === 1 ? "1 field" : `${count} fields`;
}

function newlinesIn(record: string[]): number {
  let count = 0;
  for (const field of record) {
    if (field.length === 0) continue;
    for (let at = field.indexOf("\n"); at >= 0; at = field.indexOf("\n", at + 1)) count += 1;
  }
  return count;
}
