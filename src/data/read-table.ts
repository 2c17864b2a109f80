// A CSV file to rows of cells: open, sniff the layout, stream it through csv-parse, and
// name the columns. Each row keeps the physical line it starts on, for error messages.

import { LrFindError } from "../errors.js";
import { nameColumns } from "./column-names.js";
import { parseRecords } from "./parse-records.js";
import { openText } from "./read-text.js";
import { sniffLayout, type Layout, type SniffOptions } from "./sniff.js";

export interface Table {
  file: string;
  names: string[]; // (C,)
  rows: string[][]; // (N, C) cells as read, not trimmed
  lines: number[]; // (N,) physical line each row starts on, 1-based
  headerLine: number | null;
  layout: Layout;
  notes: string[];
  warnings: string[];
}

/** Read a whole delimited text file; errors name the file, the line and the column. */
export async function readTable(file: string, options: SniffOptions): Promise<Table> {
  const source = await openText(file);
  try {
    if (source.complete && source.head.trim() === "") {
      throw new LrFindError("data.empty", `${file} is empty`, { file }, "check data.path");
    }
    const layout = sniffLayout(source.head, source.complete, options);
    const parsed = await parseRecords(source.chunks, layout, file);

    if (parsed.rows.length === 0) {
      const what = parsed.header === null ? "has no data rows" : "has a header but no data rows";
      throw new LrFindError("data.empty", `${file} ${what}`, { file }, "check data.path");
    }
    const width = parsed.header?.length ?? parsed.rows[0].length;
    const named = nameColumns(parsed.header, parsed.rows, width, file, parsed.headerLine);

    const notes = [...layout.notes];
    if (source.compressed) notes.push("gzip-compressed");
    if (source.encoding !== "utf-8") notes.push(`decoded from ${source.encoding}`);
    return {
      file,
      names: named.names,
      rows: parsed.rows,
      lines: parsed.lines,
      headerLine: parsed.headerLine,
      layout,
      notes,
      warnings: [...layout.warnings, ...named.warnings],
    };
  } finally {
    await source.close();
  }
}
