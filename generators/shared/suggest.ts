/**
 * "Did you mean …?" for sub-commands, flags and choice values, the same on both entry points (the
 * CLI and `yo secure-ts`).
 *
 * Written here rather than taken from a package: the usual one (fastest-levenshtein, which
 * didyoumean2 wraps) counts plain Levenshtein distance, where a swapped pair of letters (`audti`,
 * `dcoker`), the most common typing slip, costs 2; the optimal-string-alignment form of
 * Damerau-Levenshtein below counts it as 1. The candidate lists are a dozen short words, so the
 * quadratic table is nothing.
 */

/** Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/**
 * How many edits still count as a slip rather than another word: one per three letters of the
 * longer word, at most two. So `doker`, `ressource`, `acounts` and `audti` are slips, while
 * two-letter words are never "close" to anything (`co` is not `ci`) and a short real name like
 * `fils` is one edit from `files` but still allowed after `--` (the message says how).
 */
const allowedEdits = (a: string, b: string): number => Math.min(2, Math.floor(Math.max(a.length, b.length) / 3));

/** The candidate closest to `word`, when it is close enough to be a slip; undefined otherwise. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    if (candidate === word) return candidate;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= allowedEdits(lower, candidate) && (best === undefined || distance < best.distance)) best = { candidate, distance };
  }
  if (best !== undefined) return best.candidate;
  // A unique prefix is a slip too (`--frame` for `--framework`), from three letters on.
  const prefixed = lower.length >= 3 ? candidates.filter((c) => c.toLowerCase().startsWith(lower)) : [];
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** `; did you mean x?` or nothing, to append to a message. */
export const didYouMean = (word: string, candidates: readonly string[]): string => {
  const match = closest(word, candidates);
  return match === undefined || match === word ? '' : `; did you mean ${match}?`;
};
