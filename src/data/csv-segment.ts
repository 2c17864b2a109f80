// A stretch of text read by csv-parse: quoted fields, doubled quotes, line breaks inside
// quotes, and every malformed quote reported as csv-parse reports it.

import { Parser } from "csv-parse";

/** Receives each record csv-parse reads, in order. */
export type TakeRecord = (record: string[], quoted: boolean) => void;

/**
 * csv-parse's stream, taking each record the moment it is parsed. Through the readable side,
 * records parsed just before an error at the end of the input would be lost with the stream.
 */
class RecordParser extends Parser {
  private readonly onRecord: TakeRecord;

  constructor(options: ConstructorParameters<typeof Parser>[0], onRecord: TakeRecord) {
    super(options);
    this.onRecord = onRecord;
  }

  override push(record: unknown): boolean {
    if (record === null) return super.push(null);
    this.onRecord(record as string[], true);
    return true;
  }
}

/** One csv-parse stream over part of a text; write it, then end it. */
export class CsvSegment {
  /** Physical line (1-based) of the text where this segment starts, for error lines. */
  readonly firstLine: number;
  private readonly parser: RecordParser;
  private readonly failed: Promise<never>;

  /** `skipLines` lines at its start are not records (a metadata line). */
  constructor(delimiter: string, firstLine: number, skipLines: number, take: TakeRecord) {
    this.firstLine = firstLine;
    const options = {
      delimiter,
      from_line: skipLines + 1,
      record_delimiter: "\n",
      relax_column_count: true,
      // the text was decoded from the file, where a mark was already dropped; the reader
      // drops one more at the start of the text itself, as csv-parse would
      bom: false,
    };
    const parser = new RecordParser(options, take);
    this.parser = parser;
    // every error also reaches this listener; the promise keeps the first one
    this.failed = new Promise<never>((_, reject) => parser.on("error", reject));
    this.failed.catch(() => undefined);
  }

  /** Parse `text`, taking its records; throws csv-parse's error if the text has one. */
  async write(text: string): Promise<void> {
    const written = new Promise<void>((resolve, reject) => {
      this.parser.write(text, (error) => (error ? reject(error) : resolve()));
    });
    await Promise.race([written, this.failed]);
  }

  /** The end of the segment: a last record without a line break, or an open quote. */
  async end(): Promise<void> {
    const finished = new Promise<void>((resolve) => {
      this.parser.once("finish", resolve);
      this.parser.end();
    });
    try {
      await Promise.race([finished, this.failed]);
    } finally {
      this.parser.destroy();
    }
  }

  /** Release the stream when the text will not be read to the end. */
  destroy(): void {
    this.parser.destroy();
  }
}
