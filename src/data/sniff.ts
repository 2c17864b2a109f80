// Work out a file's layout from its head: the delimiter, a metadata line to skip, and
// whether the first line is a header. Explicit settings in the spec always win.

import {
  detectHeader,
  detectMetadata,
  type CellReading,
  type SklearnMetadata,
} from "./detect-header.js";
import { sampleRecords } from "./sample-records.js";

/** Candidates in order of preference; a single space covers whitespace-separated files. */
export const DELIMITERS: readonly string[] = [",", "\t", ";", "|", " "];

/** Enough lines to see a layout, few enough to stay fast on wide files. */
const SAMPLE_RECORDS = 100;

export interface SniffOptions extends CellReading {
  delimiter: string;
  header: "auto" | boolean;
}

export interface Layout {
  delimiter: string;
  header: boolean;
  /** The physical line the reader starts at: 1, or the line after a metadata line. */
  fromLine: number;
  metadata: SklearnMetadata | null;
  notes: string[];
  warnings: string[];
}

/** Decide delimiter, metadata line and header for a file whose text starts with `head`. */
export function sniffLayout(head: string, complete: boolean, options: SniffOptions): Layout {
  const notes: string[] = [];
  const warnings: string[] = [];

  const delimiter =
    options.delimiter === "auto" ? detectDelimiter(head, complete) : options.delimiter;
  if (options.delimiter === "auto") notes.push(`delimiter ${describeDelimiter(delimiter)}`);
  let records = sampleRecords(head, delimiter, complete, SAMPLE_RECORDS);

  const metadata = detectMetadata(records, options);
  if (metadata !== null) {
    records = records.slice(1);
    const names = metadata.classNames.join(", ");
    const classes = names === "" ? "" : `, classes ${names}`;
    notes.push(
      `line ${metadata.line} is scikit-learn metadata (${metadata.samples} samples, ` +
        `${metadata.features} features${classes}); skipped`,
    );
  }

  let header = options.header === true;
  if (options.header === "auto") {
    const guess = detectHeader(records, options);
    header = guess.header;
    const line = records[0]?.line ?? 1;
    if (guess.guessed) {
      warnings.push(
        `no numeric column to tell names from data: line ${line} was taken as ` +
          `${header ? "a header" : "data"}; set data.header to be sure`,
      );
    } else if (records.length > 0) {
      notes.push(header ? `header on line ${line}` : "no header; columns named col1, col2, ...");
    }
  }

  const fromLine = metadata === null ? 1 : metadata.line + 1;
  return { delimiter, header, fromLine, metadata, notes, warnings };
}

/**
 * The first candidate that splits every sampled line into the same number (> 1) of fields
 * wins, so "21,5;1013,2" goes to ';'. Failing that, the first that does so after line 1
 * (a metadata line or a header of another width), then the one that splits most lines
 * alike, so the reader can point at the odd line. A file with one column gets ','.
 */
export function detectDelimiter(head: string, complete: boolean): string {
  const widths = DELIMITERS.map((delimiter) => {
    return sampleRecords(head, delimiter, complete, SAMPLE_RECORDS).map((r) => r.fields.length);
  });

  const everyLine = widths.findIndex((w) => sameWidth(w));
  if (everyLine >= 0) return DELIMITERS[everyLine];
  const afterFirst = widths.findIndex((w) => sameWidth(w.slice(1)));
  if (afterFirst >= 0) return DELIMITERS[afterFirst];

  let best = 0;
  let bestShare = 0;
  widths.forEach((w, k) => {
    const share = modalShare(w);
    if (share > bestShare) {
      best = k;
      bestShare = share;
    }
  });
  return DELIMITERS[best];
}

/** How a delimiter reads in a message. */
export function describeDelimiter(delimiter: string): string {
  if (delimiter === "\t") return "tab";
  if (delimiter === " ") return "space";
  return `'${delimiter}'`;
}

function sameWidth(widths: number[]): boolean {
  return widths.length > 0 && widths[0] > 1 && widths.every((w) => w === widths[0]);
}

/** The share of lines that have the most common width, counting only widths above 1. */
function modalShare(widths: number[]): number {
  const counts = new Map<number, number>();
  for (const w of widths) if (w > 1) counts.set(w, (counts.get(w) ?? 0) + 1);
  const top = Math.max(0, ...counts.values());
  return widths.length === 0 ? 0 : top / widths.length;
}
