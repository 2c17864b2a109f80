// Column names from the header: a reference in the spec must mean exactly one column, so
// duplicates stop the load, near-duplicates warn, and unnamed columns get a visible name.

import { LrFindError, visible } from "../errors.js";

export interface ColumnNames {
  names: string[];
  warnings: string[];
}

/**
 * Names for `width` columns. Without a header they are col1, col2, ... (1-based, like the
 * column numbers in messages). An unnamed last column that is empty on every row comes
 * from a trailing delimiter: with `emptyLast` (the caller has seen every row) it is left
 * out, and rows keep a field past the last name.
 */
export function nameColumns(
  header: string[] | null,
  width: number,
  file: string,
  headerLine: number | null,
  emptyLast: boolean,
): ColumnNames {
  const names = header !== null ? [...header] : numberedNames(width);
  const warnings: string[] = [];

  const last = names.length - 1;
  if (emptyLast && trailingCandidate(header, width)) {
    names.pop();
    warnings.push(`column ${last + 1} has no name and no values (a trailing delimiter?); ignored`);
  }
  if (header === null) return { names, warnings };

  names.forEach((name, j) => {
    if (name.trim() !== "") return;
    names[j] = `col${j + 1}`;
    warnings.push(`column ${j + 1} has no name; called ${names[j]}`);
  });

  checkDuplicates(names, file, headerLine, warnings);
  return { names, warnings };
}

/** The last column may be a trailing delimiter's: there is more than one, and it is unnamed. */
export function trailingCandidate(header: string[] | null, width: number): boolean {
  return width > 1 && (header === null || header[width - 1].trim() === "");
}

function numberedNames(width: number): string[] {
  return Array.from({ length: width }, (_, j) => `col${j + 1}`);
}

function checkDuplicates(
  names: string[],
  file: string,
  headerLine: number | null,
  warnings: string[],
): void {
  const exact = new Map<string, number>();
  const loose = new Map<string, number>();
  names.forEach((name, j) => {
    const first = exact.get(name);
    if (first !== undefined) {
      throw new LrFindError(
        "data.column",
        `${file}: header has duplicate name '${visible(name)}' ` +
          `(columns ${first + 1} and ${j + 1})`,
        { file, line: headerLine ?? undefined, column: name },
        "rename one of them; a reference to that name could mean either column",
      );
    }
    exact.set(name, j);

    const key = name.trim().toLowerCase();
    const similar = loose.get(key);
    if (similar !== undefined) {
      warnings.push(
        `columns ${similar + 1} '${visible(names[similar])}' and ${j + 1} '${visible(name)}' ` +
          "differ only in case or spaces",
      );
    } else {
      loose.set(key, j);
    }
  });
}
