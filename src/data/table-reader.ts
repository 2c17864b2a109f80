// One delimited text file, read as often as the load needs: opened and sniffed once, then
// its rows streamed, from disk each time, so memory holds one chunk of rows at a time
// whatever the file's size. NOTE: keeping a small file's rows in memory between the passes
// was measured and dropped: holding them costs the garbage collector about what parsing
// them again costs, at several times the text's size in memory.

import { LrFindError } from "../errors.js";
import { emptyHead, streamRecords, type RecordBatch, type RecordHead } from "./parse-records.js";
import { CHUNK_BYTES, openText, type TextSource } from "./read-text.js";
import { sniffLayout, type Layout, type SniffOptions } from "./sniff.js";

/** Rows parsed from one chunk, and how far into the file (bytes on disk) they end. */
export interface RowBatch extends RecordBatch {
  bytes: number;
}

/** One read of a file: its rows, and the header once the rows have started. */
export interface RowStream {
  head: RecordHead;
  batches: AsyncIterable<RowBatch>;
}

/** An opened, sniffed file whose rows can be read more than once. */
export class TableReader {
  readonly file: string;
  readonly layout: Layout;
  /** What reading noticed (delimiter, header, gzip, encoding). */
  readonly notes: string[];
  /** Size on disk (compressed size for gzip), for progress. */
  readonly size: number;
  private readonly chunkBytes: number;
  /** The source the file was sniffed from, kept for the first read. */
  private opened: TextSource | null;

  private constructor(source: TextSource, layout: Layout, chunkBytes: number) {
    this.file = source.file;
    this.layout = layout;
    this.size = source.size;
    this.chunkBytes = chunkBytes;
    this.opened = source;
    this.notes = [...layout.notes];
    if (source.compressed) this.notes.push("gzip-compressed");
    if (source.encoding !== "utf-8") this.notes.push(`decoded from ${source.encoding}`);
  }

  /** Open `file` and settle its layout from its head. */
  static async open(
    file: string,
    options: SniffOptions,
    chunkBytes = CHUNK_BYTES,
  ): Promise<TableReader> {
    const source = await openText(file, chunkBytes);
    try {
      if (source.complete && source.head.trim() === "") {
        throw new LrFindError("data.empty", `${file} is empty`, { file }, "check data.path");
      }
      const layout = sniffLayout(source.head, source.complete, options);
      return new TableReader(source, layout, chunkBytes);
    } catch (error) {
      await source.close();
      throw error;
    }
  }

  /** Read the rows from the start of the file. */
  rows(): RowStream {
    const head = emptyHead();
    return { head, batches: this.stream(head) };
  }

  /** Release the file if it was opened but never read to the end. */
  async close(): Promise<void> {
    const source = this.opened;
    this.opened = null;
    await source?.close();
  }

  private async *stream(head: RecordHead): AsyncGenerator<RowBatch> {
    const source = this.opened ?? (await openText(this.file, this.chunkBytes));
    this.opened = null;
    try {
      for await (const batch of streamRecords(source.chunks, this.layout, this.file, head)) {
        yield { rows: batch.rows, lines: batch.lines, bytes: source.bytesRead() };
      }
    } finally {
      await source.close();
    }
  }
}
