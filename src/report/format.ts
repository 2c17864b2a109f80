// Number formatting shared by every human-readable report.

/** A learning rate or loss in 3 significant digits, scientific when small or large. */
export function fmtNum(v: number | null | undefined): string {
  if (v === null || v === undefined) return "–";
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e4) return Number(v.toPrecision(3)).toString();
  const [mantissa, exp] = v.toExponential(2).split("e");
  const m = mantissa.replace(/\.?0+$/, "");
  return `${m}e${exp.replace("+", "")}`;
}

/** Terminal styles; all identity functions when colour is off. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  accent(s: string): string;
  warn(s: string): string;
  color: boolean;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

/** Styles that emit ANSI codes only when `color` is true. */
export function createStyle(color: boolean): Style {
  const id = (s: string) => s;
  if (!color) return { bold: id, dim: id, accent: id, warn: id, color };
  return { bold: wrap(1, 22), dim: wrap(2, 22), accent: wrap(36, 39), warn: wrap(33, 39), color };
}

/** Wrap text at `width` columns on spaces; continuation lines start with `indent`. */
export function wrapText(text: string, width: number, indent = "  "): string {
  const out: string[] = [];
  for (const para of text.split("\n")) {
    // keep the paragraph's own leading spaces
    const lead = /^ */.exec(para)?.[0] ?? "";
    let line = lead;
    for (const word of para.slice(lead.length).split(" ")) {
      const next = line === lead ? `${lead}${word}` : `${line} ${word}`;
      if (line !== lead && next.length > width) {
        out.push(line);
        line = `${indent}${word}`;
      } else {
        line = next;
      }
    }
    out.push(line);
  }
  return out.join("\n");
}
