// How error messages quote a received value, shared by every schema.

/** Numbers as written, a missing value as "nothing (the key is missing)", the rest as JSON. */
export function shown(input: unknown): string {
  if (input === undefined) return "nothing (the key is missing)";
  if (typeof input === "number") return String(input);
  return String(JSON.stringify(input));
}
