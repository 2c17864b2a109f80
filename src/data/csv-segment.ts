// A stretch of text read by csv-parse: quoted fields, doubled quotes, line breaks inside
// quotes, and every malformed quote reported as csv-parse reports it.

import { parse, type Parser } from "csv-parse";

/** Receives each record csv-parse reads, in order. */
export type TakeRecord = (record: string[], quoted: boolean) => void;

/** One csv-parse stream over part of a text; write it, then end it. */
export class CsvSegment {
  /** Physical line (1-based) of the text where this segment starts, for error lines. */
  readonly firstLine: number;
  private readonly parser: Parser;
  private readonly failed: Promise<never>;
  private readonly drain: () => void;

  /** `skipLines` lines at its start are not records (a metadata line). */
  constructor(delimiter: string, firstLine: number, skipLines: number, take: TakeRecord) {
    this.firstLine = firstLine;
    this.parser = parse({
      delimiter,
      from_line: skipLines + 1,
      record_delimiter: "\n",
      relax_column_count: true,
      // the text was decoded from the file, where a mark was already dropped; the reader
      // drops one more at the start of the text itself, as csv-parse would
      bom: false,
    });
    // take records as soon as they are parsed: an error at the end of the input destroys
    // the stream, and with it any record still waiting in its buffer
    const parser = this.parser;
    this.drain = () => {
      for (let record = parser.read(); record !== null; record = parser.read()) {
        take(record, true);
      }
    };
    parser.on("readable", this.drain);
    // every error also reaches this listener; the promise keeps the first one
    this.failed = new Promise<never>((_, reject) => parser.on("error", reject));
    this.failed.catch(() => undefined);
  }

  /** Parse `text`; records parsed before an error in it are taken before it is thrown. */
  async write(text: string): Promise<void> {
    const written = new Promise<void>((resolve, reject) => {
      this.parser.write(text, (error) => {
        this.drain();
        if (error) reject(error);
        else resolve();
      });
    });
    await Promise.race([written, this.failed]);
    this.drain();
  }

  /** The end of the segment: a last record without a line break, or an open quote. */
  async end(): Promise<void> {
    const finished = new Promise<void>((resolve) => {
      this.parser.once("finish", resolve);
      this.parser.end();
    });
    try {
      await Promise.race([finished, this.failed]);
      this.drain();
    } finally {
      this.parser.destroy();
    }
  }

  /** Release the stream when the text will not be read to the end. */
  destroy(): void {
    this.parser.destroy();
  }
}
