// Find the source line of a dotted spec path, so errors can point into the YAML/JSON file.

import { isNode, LineCounter, type Document } from "yaml";

/** A parsed spec document with what is needed to map paths to lines. */
export interface SpecSource {
  file: string;
  doc: Document;
  lines: LineCounter;
}

/** The 1-based line of the deepest existing node along `path`, or undefined. */
export function lineOf(source: SpecSource | undefined, path: PropertyKey[]): number | undefined {
  if (!source) return undefined;

  for (let depth = path.length; depth >= 0; depth--) {
    const node = source.doc.getIn(path.slice(0, depth) as (string | number)[], true);
    if (isNode(node) && node.range) return source.lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Dotted path as users write it: data.target, optimizer[1].betas. */
export function dottedPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, "");
}
