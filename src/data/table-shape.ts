// A table's shape as its rows go by: names from the header and the first row, and whether
// an unnamed last column is empty on every row (a trailing delimiter). That is known only
// at the last row, so it is guessed from the first and checked on every other.

import { basename } from "node:path";
import { LrFindError } from "../errors.js";
import { nameColumns, trailingCandidate } from "./column-names.js";
import type { NamedColumns } from "./columns.js";
import type { RecordHead } from "./parse-records.js";
import type { Layout } from "./sniff.js";
import type { TableReader } from "./table-reader.js";

/** A table once read: its names, layout and rows, and what reading it noticed. */
export interface TableShape extends NamedColumns {
  layout: Layout;
  headerLine: number | null;
  rows: number;
  notes: string[];
  warnings: string[];
}

/** "guess" the last column is a trailing delimiter's when the first row leaves it empty. */
export type TrailingColumn = "guess" | "kept";

/** Follows one read of a table; `names` is set at its first row unless naming failed. */
export class ShapeTracker {
  names: string[] | null = null;
  rows = 0;
  /** Naming failed (duplicate names): thrown once the file has been read. */
  private error: unknown = null;
  private warnings: string[] = [];
  private emptyLast = false;

  constructor(
    private readonly reader: TableReader,
    private readonly head: RecordHead,
    private readonly trailing: TrailingColumn,
    /** A target file: a lone unnamed column is named after the file. */
    private readonly targetFile = false,
  ) {}

  /** Rows in file order; false when the guess about the last column proved wrong. */
  see(rows: string[][]): boolean {
    if (rows.length === 0) return true;
    if (this.rows === 0) this.start(rows[0]);
    this.rows += rows.length;
    if (this.emptyLast) {
      const last = rows[0].length - 1;
      for (const row of rows) if (row[last].trim() !== "") return false;
    }
    return true;
  }

  /** The table as read; throws if it had no rows or its names could not be given. */
  shape(): TableShape {
    const { file, layout } = this.reader;
    if (this.rows === 0) {
      const header = this.head.header !== null;
      const what = header ? "has a header but no data rows" : "has no data rows";
      throw new LrFindError("data.empty", `${file} ${what}`, { file }, "check data.path");
    }
    if (this.error !== null || this.names === null) throw this.error;
    return {
      file,
      names: this.names,
      header: layout.header,
      layout,
      headerLine: this.head.headerLine,
      rows: this.rows,
      notes: this.reader.notes,
      warnings: [...layout.warnings, ...this.warnings],
    };
  }

  private start(first: string[]): void {
    const { file, layout } = this.reader;
    const width = first.length;
    this.emptyLast =
      this.trailing === "guess" &&
      trailingCandidate(this.head.header, width) &&
      first[width - 1].trim() === "";
    try {
      const { header, headerLine } = this.head;
      const named = nameColumns(header, width, file, headerLine, this.emptyLast);
      this.names = named.names;
      this.warnings = named.warnings;
    } catch (error) {
      this.error = error;
      return;
    }
    // a lone unnamed target column is named after its file: "diabetes_target", not "col1"
    if (this.targetFile && !layout.header && this.names.length === 1) {
      this.names[0] = basename(file).replace(/(\.(csv|tsv|txt))?(\.gz)?$/i, "");
    }
  }
}
