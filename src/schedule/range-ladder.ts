// The lr ladder of an LR range test: n rungs from start to end, both ends included (BL-07).

/** How the ladder climbs: geometrically (equal ratios) or arithmetically (equal steps). */
export type LadderMode = "exponential" | "linear";

// NOTE: inputs come from a validated spec, so a violation here is a bug, not a user error.
function checkLadder(mode: LadderMode, start: number, end: number, n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`range ladder: expected n an integer >= 1, received ${n}`);
  }
  if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0 || end < 0) {
    throw new RangeError(`range ladder: expected finite lrs >= 0, received ${start}, ${end}`);
  }
  if (mode === "exponential" && (start === 0 || end === 0)) {
    throw new RangeError("range ladder: an exponential ladder needs start and end > 0");
  }
}

function rung(mode: LadderMode, start: number, end: number, n: number, i: number): number {
  // the ends are returned as given, so the first lr is start and the last is end exactly;
  // n = 1 is a single rung at start (no 0/0 in the exponent)
  if (i === 0) return start;
  if (i === n - 1) return end;

  // exponential: lr_i = start * (end / start)^(i / (n - 1))   (fastai and most LR finders use
  // i / n instead, which never reaches end; see the README)
  if (mode === "exponential") return start * (end / start) ** (i / (n - 1));

  // linear: lr_i = start + (end - start) * i / (n - 1)
  return start + ((end - start) * i) / (n - 1);
}

/** The lr of rung i (0 .. n-1) of an n-rung ladder from start to end. */
export function rangeLadderLr(
  mode: LadderMode,
  start: number,
  end: number,
  n: number,
  i: number,
): number {
  checkLadder(mode, start, end, n);
  if (!Number.isSafeInteger(i) || i < 0 || i >= n) {
    throw new RangeError(`range ladder: expected i an integer in [0, ${n - 1}], received ${i}`);
  }
  return rung(mode, start, end, n, i);
}

/** The whole ladder at once, for tables and for checking a sweep against it. */
export function rangeLadder(mode: LadderMode, start: number, end: number, n: number): Float64Array {
  checkLadder(mode, start, end, n);

  const lrs = new Float64Array(n); // (n)
  for (let i = 0; i < n; i++) lrs[i] = rung(mode, start, end, n, i);
  return lrs;
}
