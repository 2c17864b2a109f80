// A small CSV reader for the head of a file, used only to sniff its layout. It follows the
// same rules as the csv-parse options used for the real read, so both see the same records.

/** One record of the head, with the physical line it starts on (1-based). */
export interface SampleRecord {
  line: number;
  fields: string[];
}

/**
 * Split text ("\n" line breaks) into at most `limit` records. A quote opens a quoted field
 * only at the start of a field, and `""` inside one is a quote; blank lines are skipped.
 * When the text is not `complete`, the last, possibly cut, record is left out.
 */
export function sampleRecords(
  text: string,
  delimiter: string,
  complete: boolean,
  limit: number,
): SampleRecord[] {
  const records: SampleRecord[] = [];
  let line = 1;
  let at = 0;

  while (at < text.length && records.length < limit) {
    const start = line;
    const fields: string[] = [];
    let ended = false;
    // one field per turn; a field ends at the delimiter, a line break or the end of text
    for (;;) {
      let field: string;
      if (text[at] === '"') {
        const quoted = readQuoted(text, at + 1);
        if (quoted === null) return records; // unterminated, or cut off by the sample
        field = quoted.value;
        line += quoted.newlines;
        at = quoted.end;
        const next = nextStop(text, at, delimiter);
        field += text.slice(at, next);
        at = next;
      } else {
        const next = nextStop(text, at, delimiter);
        field = text.slice(at, next);
        at = next;
      }
      fields.push(field);
      if (at < text.length && text[at] === delimiter) {
        at += 1;
        continue;
      }
      ended = at < text.length;
      at += 1;
      line += 1;
      break;
    }
    const blank = fields.length === 1 && fields[0] === "";
    if (!blank && (ended || complete)) records.push({ line: start, fields });
  }
  return records;
}

/** Index of the next delimiter or line break at or after `from`, or the text length. */
function nextStop(text: string, from: number, delimiter: string): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === delimiter || ch === "\n") return i;
  }
  return text.length;
}

/** The value of a quoted field whose opening quote is just before `from`. */
function readQuoted(
  text: string,
  from: number,
): { value: string; end: number; newlines: number } | null {
  let value = "";
  let at = from;
  let newlines = 0;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) return null;
    const piece = text.slice(at, quote);
    for (let i = piece.indexOf("\n"); i >= 0; i = piece.indexOf("\n", i + 1)) newlines += 1;
    value += piece;
    if (text[quote + 1] !== '"') return { value, end: quote + 1, newlines };
    value += '"';
    at = quote + 2;
  }
}
