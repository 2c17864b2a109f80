// Text to records, quickly. A line without a quote is split on the delimiter: that is all
// csv-parse would do with it. From a line with a quote to the first line break outside
// quotes after the last quote seen, csv-parse itself reads the text. Quoting follows
// csv-parse exactly, and plain numeric files do not pay for it: on them csv-parse reads
// about 12 MB/s and a split several times that.

import { CsvSegment, type TakeRecord } from "./csv-segment.js";

const BOM = 0xfeff;
/**
 * A segment ends only before at least this much plain text, so a file quoted on every line
 * streams through one csv-parse parser instead of starting one per line.
 */
const MIN_PLAIN_CHARS = 16 * 1024;

/** Splits text written in chunks ("\n" line breaks) into records, in order. */
export class RecordSplitter {
  private readonly delimiter: string;
  private readonly take: TakeRecord;
  /** Lines before the first record (a metadata line) still to skip. */
  private skip: number;
  /** Physical line (1-based) at the start of `carry`, or of the text after the segment. */
  private line = 1;
  /** The end of the text seen so far that is not a whole line yet. */
  private carry = "";
  private started = false;
  private segment: CsvSegment | null = null;
  /** Line breaks written to the open segment. */
  private segmentLines = 0;
  /** An odd number of quotes written to the open segment: inside a quoted field. */
  private inQuotes = false;
  /** After a quote in a skipped line, csv-parse reads all the rest (never seen in practice). */
  private csvOnly = false;

  /** With `splitPlain` false, csv-parse reads all of the text (the reference, for tests). */
  constructor(delimiter: string, fromLine: number, take: TakeRecord, splitPlain = true) {
    this.delimiter = delimiter;
    this.skip = fromLine - 1;
    this.take = take;
    if (!splitPlain) {
      this.openSegment();
      this.csvOnly = true;
    }
  }

  /** Physical line where the csv-parse segment that failed started. */
  get segmentLine(): number {
    return this.segment?.firstLine ?? this.line;
  }

  /** Take the records that end in `chunk`; the rest waits for the next chunk. */
  async write(chunk: string): Promise<void> {
    let text = chunk;
    if (!this.started) {
      if (text === "") return;
      this.started = true;
      // csv-parse's `bom` option: a mark at the very start of the text is not data
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
    }
    if (this.segment !== null) {
      const end = this.csvOnly ? -1 : this.segmentEnd(text);
      if (end < 0) {
        await this.writeSegment(text);
        return;
      }
      await this.writeSegment(text.slice(0, end));
      await this.closeSegment();
      text = text.slice(end);
    }
    await this.read(this.carry + text, false);
  }

  /** The text is over: its last line may lack a line break. */
  async end(): Promise<void> {
    if (this.segment !== null) {
      await this.closeSegment();
      return;
    }
    await this.read(this.carry, true);
  }

  /** Stop reading; an open csv-parse stream is released. */
  destroy(): void {
    this.segment?.destroy();
  }

  /** Records of `text`, outside any segment; an unfinished last line is carried. */
  private async read(text: string, final: boolean): Promise<void> {
    this.carry = "";
    const whole = final ? text.length : text.lastIndexOf("\n") + 1;
    let at = 0;
    for (;;) {
      const quote = text.indexOf('"', at);
      if (quote < 0 || quote >= whole) {
        this.splitLines(text, at, whole);
        if (whole < text.length) this.carry = text.slice(whole);
        return;
      }
      // lines before the quote are plain; csv-parse reads from the line with the quote
      const lineStart = Math.max(at, text.lastIndexOf("\n", quote) + 1);
      this.splitLines(text, at, lineStart);
      this.openSegment();
      const rest = lineStart === 0 ? text : text.slice(lineStart);
      const end = this.csvOnly ? -1 : this.segmentEnd(rest);
      if (end < 0) {
        await this.writeSegment(rest);
        if (final) await this.closeSegment();
        return;
      }
      await this.writeSegment(rest.slice(0, end));
      await this.closeSegment();
      at = lineStart + end;
    }
  }

  /** Lines of text[from, to) that hold no quote: split, or skipped before the first record. */
  private splitLines(text: string, from: number, to: number): void {
    const delimiter = this.delimiter;
    let at = from;
    while (at < to) {
      let end = text.indexOf("\n", at);
      if (end < 0 || end > to) end = to;
      if (this.skip > 0) {
        this.skip -= 1;
      } else {
        this.take(text.slice(at, end).split(delimiter), false);
      }
      this.line += 1;
      at = end + 1;
    }
  }

  /**
   * Where the open segment can end in `text`: just after the first line break that follows
   * the last quote, when that quote leaves no field open and enough plain text follows.
   * -1 when it does not end in `text`.
   */
  private segmentEnd(text: string): number {
    let quotes = 0;
    let last = -1;
    for (let at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) {
      quotes += 1;
      last = at;
    }
    if (quotes % 2 === 1) this.inQuotes = !this.inQuotes;
    if (this.inQuotes) return -1;
    const newline = text.indexOf("\n", last + 1);
    if (newline < 0 || text.length - newline <= MIN_PLAIN_CHARS) return -1;
    return newline + 1;
  }

  private openSegment(): void {
    this.segment = new CsvSegment(this.delimiter, this.line, this.skip, this.take);
    this.segmentLines = 0;
    this.inQuotes = false;
    if (this.skip > 0) {
      // a quote in a line still to skip: csv-parse skips it and reads everything after
      this.skip = 0;
      this.csvOnly = true;
    }
  }

  private async writeSegment(text: string): Promise<void> {
    this.segmentLines += countNewlines(text);
    await this.segment!.write(text);
  }

  private async closeSegment(): Promise<void> {
    const segment = this.segment!;
    await segment.end();
    this.segment = null;
    this.line = segment.firstLine + this.segmentLines;
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count += 1;
  return count;
}
