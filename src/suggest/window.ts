// Which recorded points the suggestion rules may look at.

/** The first points are warm-up noise and the last ones lead into divergence (fastai's rule). */
export const SKIP_START = 10;
export const SKIP_END = 5;
/** Fewest window points any rule needs to say something meaningful. */
export const MIN_WINDOW = 5;
/** So the shortest sweep that can give a suggestion has this many iterations. */
export const MIN_ITERATIONS = SKIP_START + SKIP_END + MIN_WINDOW;

/** Absolute indices [first, last] of the window within n usable points, or null if too short. */
export interface Window {
  first: number;
  last: number;
}

/** The window over n usable points: drop SKIP_START at the front and SKIP_END at the back. */
export function suggestionWindow(n: number, skipStart = SKIP_START, skipEnd = SKIP_END) {
  const first = skipStart;
  const last = n - 1 - skipEnd;
  return last - first + 1 >= MIN_WINDOW ? { first, last } : null;
}
