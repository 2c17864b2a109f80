// Stream text through csv-parse and keep, for every record, the physical line it starts on.
// Lines are counted here rather than taken from csv-parse's per-record `info`, which doubles
// its run time: a record spans one line plus the line breaks inside its quoted fields (the
// text only has "\n" breaks, see decode-text.ts). Widths are checked here too, so a blank
// line is skipped and a ragged row is reported with its exact line.

import { CsvError, parse, type Parser } from "csv-parse";
import { LrFindError } from "../errors.js";
import { describeDelimiter, type Layout } from "./sniff.js";

export interface Records {
  header: string[] | null;
  headerLine: number | null;
  rows: string[][]; // (N, C) cells as read
  lines: number[]; // (N,) physical line each row starts on, 1-based
}

/** Parse every record of `chunks`; errors name the file, the line and the column. */
export async function parseRecords(
  chunks: AsyncIterable<string>,
  layout: Layout,
  file: string,
): Promise<Records> {
  const records: Records = { header: null, headerLine: null, rows: [], lines: [] };
  let line = layout.fromLine; // where the next record starts
  let problem: LrFindError | null = null;

  const take = (record: string[]): void => {
    const start = line;
    line += 1 + newlinesIn(record);
    if (problem !== null || (record.length === 1 && record[0] === "")) return;
    const width = records.header?.length ?? records.rows[0]?.length ?? record.length;
    if (record.length !== width) {
      problem = widthError(record, start, records, layout, file);
    } else if (layout.header && records.header === null) {
      records.header = record;
      records.headerLine = start;
    } else {
      records.rows.push(record);
      records.lines.push(start);
    }
  };

  const parser = parse({
    delimiter: layout.delimiter,
    from_line: layout.fromLine,
    record_delimiter: "\n",
    relax_column_count: true,
    bom: true,
  });
  // take records as soon as they are parsed: an error at the end of the input destroys
  // the stream, and with it any record still waiting in its buffer
  const drain = (): void => {
    for (let record = parser.read(); record !== null; record = parser.read()) take(record);
  };
  parser.on("readable", drain);
  // every error also reaches this listener; the promise keeps the first one
  const failed = new Promise<never>((_, reject) => parser.on("error", reject));
  failed.catch(() => undefined);

  try {
    for await (const chunk of chunks) {
      await Promise.race([written(parser, chunk, drain), failed]);
      drain();
      if (problem !== null) throw problem;
    }
    await Promise.race([finished(parser), failed]);
    drain();
  } catch (error) {
    if (error instanceof CsvError) throw csvError(error, file, line, records);
    throw error;
  } finally {
    parser.destroy();
  }
  if (problem !== null) throw problem;
  return records;
}

/** Write a chunk; records parsed before an error in it are taken before the stream dies. */
function written(parser: Parser, chunk: string, drain: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    parser.write(chunk, (error) => {
      drain();
      if (error) reject(error);
      else resolve();
    });
  });
}

function finished(parser: Parser): Promise<void> {
  return new Promise((resolve) => {
    parser.once("finish", resolve);
    parser.end();
  });
}

/** "line 7 has 6 fields, header has 5 (trailing delimiter?)", with what to do. */
function widthError(
  record: string[],
  line: number,
  records: Records,
  layout: Layout,
  file: string,
): LrFindError {
  const header = records.header;
  const expected = header?.length ?? records.rows[0].length;
  const reference = header !== null ? "header has" : `line ${records.lines[0]} has`;
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

/** Turn a csv-parse error into one that says where, what and what to do. */
function csvError(error: CsvError, file: string, line: number, records: Records): LrFindError {
  const index = typeof error.index === "number" ? error.index : 0;
  const column = records.header?.[index] || `col${index + 1}`;
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    // nothing after the opening quote became a record, so `line` is where it starts
    return new LrFindError(
      "data.parse",
      `${file}: unterminated quoted field starting at line ${line}, column ${column}`,
      { file, line, column },
      'close the quote; a quote inside a quoted field is written twice ("")',
    );
  }
  const at = typeof error.lines === "number" ? error.lines : line;
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
  return new LrFindError("data.parse", `${file}: line ${at}: ${error.message}`, { file, line: at });
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
