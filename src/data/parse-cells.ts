// Strict number parsing. `parseFloat("52,300")` is 52 and `Number("")` is 0, `Number("0x1A")`
// is 26: a cell is a number here only if it is a plain decimal literal, in the format the
// spec declared, that fits in a double.

export interface NumberFormat {
  decimal: "." | ",";
  thousands: "none" | "," | "." | " " | "'";
}

/** What a cell holds, as far as choosing a column's kind is concerned. */
export type CellKind = "missing" | "number" | "number-like" | "text";

/** Why a number-like cell was refused, and what the user can do about it. */
export interface CellProblem {
  reason: string;
  hint: string;
}

const DEFAULT_FORMAT: NumberFormat = { decimal: ".", thousands: "none" };
const readers = new Map<string, (cell: string) => number | undefined>();

const MISSING_HINT = "if it marks a missing value, add it to data.na_values";
const EXCLUDE_HINT = "leave the column out with data.exclude";
const TEXT_HINT =
  `${MISSING_HINT}; to one-hot encode the column list it in data.categorical; ` +
  `or ${EXCLUDE_HINT}`;
const DECIMAL_ALSO = ", or data.decimal: ',' if ',' is the decimal mark";

/** Remove the spaces and tabs around a cell; other invisible characters are kept. */
export function trimCell(cell: string): string {
  const last = cell.length - 1;
  if (last < 0 || (!isBlank(cell.charCodeAt(0)) && !isBlank(cell.charCodeAt(last)))) return cell;
  return cell.replace(/^[ \t]+|[ \t]+$/g, "");
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** The value of a trimmed cell, or undefined when it is not a plain, finite number. */
export function parseNumber(
  cell: string,
  format: NumberFormat = DEFAULT_FORMAT,
): number | undefined {
  return numberReader(format)(cell);
}

/** `parseNumber` for one format, compiled once: the per-cell path of large files. */
export function numberReader(format: NumberFormat): (cell: string) => number | undefined {
  const key = format.decimal + format.thousands;
  let reader = readers.get(key);
  if (reader === undefined) {
    reader = format.thousands === "none" ? plainReader(format.decimal) : groupedReader(format);
    readers.set(key, reader);
  }
  return reader;
}

/**
 * Numbers without grouping, read by a scan of their characters: several times faster than
 * a regular expression and Number(), and the same language as `numberPattern`.
 */
function plainReader(decimal: "." | ","): (cell: string) => number | undefined {
  const point = decimal.charCodeAt(0);
  return (cell) => readPlain(cell, point);
}

/** Exact powers of ten: 10^22 is the largest a double holds exactly. */
const POWERS_OF_TEN = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);
const EXACT_INTEGERS = 2 ** 53;

/**
 * [+-] digits [point digits] or [+-] point digits, then an optional [eE][+-]digits. Short
 * numbers are computed here: a mantissa below 2^53 times or over an exact power of ten is
 * one correctly rounded operation, so the result is what Number() gives (Clinger 1990);
 * longer ones go to Number().
 */
function readPlain(cell: string, point: number): number | undefined {
  const n = cell.length;
  let at = 0;
  let code = cell.charCodeAt(0);
  const negative = code === 45;
  if (negative || code === 43) at = 1;
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  while (at < n && isDigit((code = cell.charCodeAt(at)))) {
    mantissa = mantissa * 10 + (code - 48);
    digits += 1;
    at += 1;
  }
  if (at < n && code === point) {
    at += 1;
    while (at < n && isDigit((code = cell.charCodeAt(at)))) {
      mantissa = mantissa * 10 + (code - 48);
      digits += 1;
      fraction += 1;
      at += 1;
    }
  }
  if (digits === 0) return undefined;

  let exponent = 0;
  if (at < n) {
    if (code !== 101 && code !== 69) return undefined;
    at += 1;
    code = cell.charCodeAt(at);
    const sign = code === 45 ? -1 : 1;
    if (code === 43 || code === 45) at += 1;
    const start = at;
    while (at < n && isDigit((code = cell.charCodeAt(at)))) {
      if (exponent < 1e6) exponent = exponent * 10 + (code - 48);
      at += 1;
    }
    if (at !== n || at === start) return undefined;
    exponent *= sign;
  }

  const power = exponent - fraction;
  if (mantissa < EXACT_INTEGERS && power >= -22 && power <= 22) {
    const value = power < 0 ? mantissa / POWERS_OF_TEN[-power] : mantissa * POWERS_OF_TEN[power];
    return negative ? -value : value;
  }
  const value = Number(point === 46 ? cell : cell.replace(",", "."));
  return Number.isFinite(value) ? value : undefined;
}

function groupedReader(format: NumberFormat): (cell: string) => number | undefined {
  const pattern = numberPattern(format);
  const { decimal, thousands } = format;
  return (cell) => {
    if (!pattern.test(cell)) return undefined;
    let plain = cell.split(thousands).join("");
    if (decimal === ",") plain = plain.replace(",", ".");
    const value = Number(plain);
    return Number.isFinite(value) ? value : undefined;
  };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Classify a trimmed cell; `missing` holds the spec's missing-value markers. */
export function cellKind(
  cell: string,
  missing: ReadonlySet<string>,
  format: NumberFormat,
): CellKind {
  if (missing.has(cell)) return "missing";
  if (parseNumber(cell, format) !== undefined) return "number";
  return looksNumeric(cell) ? "number-like" : "text";
}

/** Digits with separators, signs, units or exponents, hex, inf/nan: meant as a number. */
export function looksNumeric(cell: string): boolean {
  if (/^[+-]?(0x[0-9a-f]+|0b[01]+|0o[0-7]+|inf|infinity|nan)$/i.test(cell)) return true;
  return /\d/.test(cell) && /^[\d+\-.,eE'_ %$€£]+$/.test(cell);
}

/** Explain why a cell that is not missing failed `parseNumber`. */
export function describeBadNumber(
  cell: string,
  format: NumberFormat = DEFAULT_FORMAT,
): CellProblem {
  if (numberPattern(format).test(cell)) {
    return { reason: "is too large for a number (it overflows)", hint: "rescale the column" };
  }
  if (/^[+-]?0[xbo][0-9a-f]+$/i.test(cell)) {
    return { reason: "is not a decimal number", hint: "write the value in decimal" };
  }
  if (/^[+-]?(inf|infinity|nan)$/i.test(cell)) {
    return { reason: "is not a finite number", hint: `${MISSING_HINT}; else remove the row` };
  }
  if (/\d_\d/.test(cell)) {
    return { reason: "is not a plain number (it has '_' separators)", hint: "remove the '_'" };
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(cell)) {
    return { reason: "looks like a date; dates are not supported", hint: EXCLUDE_HINT };
  }
  return separatorProblem(cell, format) ?? { reason: "is not a number", hint: TEXT_HINT };
}

/** Numbers written for people: "52,300", "1.234,5", "21,5". */
function separatorProblem(cell: string, format: NumberFormat): CellProblem | undefined {
  const grouped = /^[+-]?\d{1,3}([,.' ])\d{3}(\1\d{3})*([.,]\d+)?$/.exec(cell);
  const separator = grouped?.[1];
  if (separator !== undefined && separator !== format.decimal && format.thousands === "none") {
    const alsoDecimal = separator === "," && /^[+-]?\d+,\d+$/.test(cell) ? DECIMAL_ALSO : "";
    return {
      reason: "is not a plain number (thousands separator?)",
      hint: `set data.thousands: '${separator}'${alsoDecimal}`,
    };
  }
  if (format.thousands !== "none" && cell.includes(format.thousands)) {
    return {
      reason: `does not match the thousands grouping ('${format.thousands}' every 3 digits)`,
      hint: "fix the value, or check data.thousands and data.decimal",
    };
  }
  if (format.decimal === "." && /^[+-]?\d*,\d+([eE][+-]?\d+)?$/.test(cell)) {
    return {
      reason: "is not a number",
      hint: "set data.decimal: ',' if the file uses decimal commas",
    };
  }
  if (format.decimal === "," && /^[+-]?\d*\.\d+([eE][+-]?\d+)?$/.test(cell)) {
    return { reason: "is not a number", hint: "data.decimal is ','; this value uses '.'" };
  }
  return undefined;
}

function numberPattern(format: NumberFormat): RegExp {
  const point = escapeRegExp(format.decimal);
  const group = escapeRegExp(format.thousands);
  const whole = format.thousands === "none" ? "\\d+" : `(?:\\d{1,3}(?:${group}\\d{3})+|\\d+)`;
  const mantissa = `(?:${whole}(?:${point}\\d*)?|${point}\\d+)`;
  return new RegExp(`^[+-]?${mantissa}(?:[eE][+-]?\\d+)?$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
