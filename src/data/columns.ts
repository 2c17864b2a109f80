// The spec names columns by header text or 0-based index; turn those into positions, and
// when one is not there, list what the file does have (invisible characters shown).

import { LrFindError, visible } from "../errors.js";
import type { DataConfig } from "./schema.js";

type ColumnRef = string | number;

/** How many names an error lists before it says "and N more". */
const LISTED_NAMES = 30;

/** A table's column names, and what a message about them needs to know. */
export interface NamedColumns {
  file: string;
  names: string[]; // (C,)
  header: boolean;
}

export interface ColumnPlan {
  /** Position of the target in the target table (the main table unless target_path). */
  target: number;
  /** Positions in the main table: the spec's order, or file order by default. */
  features: number[];
  categorical: Set<number>;
  /** Main-table columns listed in data.exclude. */
  excluded: Set<number>;
}

/** Resolve target, features, exclude and categorical; every reference must hit a column. */
export function planColumns(
  table: NamedColumns,
  targetTable: NamedColumns | null,
  config: DataConfig,
): ColumnPlan {
  const separate = targetTable !== null;
  const targets = targetTable ?? table;
  const target =
    config.target === undefined
      ? targets.names.length - 1
      : resolveColumn(config.target, targets, "target");
  const targetInMain = separate ? -1 : target;
  const exclude = new Set(config.exclude.map((ref) => resolveColumn(ref, table, "exclude")));
  if (exclude.has(targetInMain)) {
    throw planError(table, "exclude", `lists the target '${visible(table.names[target])}'`);
  }

  let features: number[];
  if (config.features === undefined) {
    features = table.names.map((_, j) => j).filter((j) => !exclude.has(j) && j !== targetInMain);
  } else {
    features = config.features.map((ref) => resolveColumn(ref, table, "features"));
    features.forEach((j, k) => {
      const name = `'${visible(table.names[j])}'`;
      if (j === targetInMain) throw planError(table, "features", `lists the target ${name}`);
      if (exclude.has(j)) throw planError(table, "features", `lists ${name}, which is excluded`);
      if (features.indexOf(j) !== k) throw planError(table, "features", `lists ${name} twice`);
    });
  }
  if (features.length === 0) {
    throw planError(table, "features", "leaves no feature column (all are target or excluded)");
  }

  const categorical = new Set(
    config.categorical.map((ref) => resolveColumn(ref, table, "categorical")),
  );
  for (const j of categorical) {
    if (!features.includes(j)) {
      throw planError(table, "categorical", `lists '${visible(table.names[j])}', not a feature`);
    }
  }
  return { target, features, categorical, excluded: exclude };
}

/** The position a reference points at, or an error that lists the columns there are. */
export function resolveColumn(ref: ColumnRef, table: NamedColumns, role: string): number {
  const { names, file } = table;
  if (typeof ref === "number") {
    if (ref < names.length) return ref;
    const last = names.length - 1;
    const has = last === 0 ? "1 column (index 0)" : `${names.length} columns (0 to ${last})`;
    throw new LrFindError(
      "data.column",
      `${file}: data.${role} is column index ${ref}, but the file has only ${has}`,
      { file, path: `data.${role}`, column: ref },
      "indices count from 0; or name the column",
    );
  }

  const at = names.indexOf(ref);
  if (at >= 0) return at;
  const shown = names.slice(0, LISTED_NAMES).map((name) => `'${visible(name)}'`);
  if (names.length > LISTED_NAMES) shown.push(`and ${names.length - LISTED_NAMES} more`);
  throw new LrFindError(
    "data.column",
    `${file}: column '${visible(ref)}' (data.${role}) not found; columns: ${shown.join(", ")}`,
    { file, path: `data.${role}`, column: ref },
    missingColumnHint(ref, table),
  );
}

function missingColumnHint(ref: string, table: NamedColumns): string {
  if (!table.header) {
    return (
      "the file has no header line, so its columns are col1, col2, ...; " +
      "name one that way or by 0-based index, or set data.header: true"
    );
  }
  const key = ref.trim().toLowerCase();
  const near = table.names.find((name) => name.trim().toLowerCase() === key);
  if (near !== undefined) return `did you mean '${visible(near)}'?`;
  return "name a column exactly as in the header, or give its 0-based index";
}

function planError(table: NamedColumns, role: string, what: string): LrFindError {
  return new LrFindError("data.column", `${table.file}: data.${role} ${what}`, {
    file: table.file,
    path: `data.${role}`,
  });
}
