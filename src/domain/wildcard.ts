/**
 * Name filters with `*` (any run of characters) and `?` (one character), as the AppOptics
 * reference's `?name=*token*`. A pattern without wildcards matches as a substring, which is
 * what people mean when they type part of a name. Matching is case-insensitive.
 *
 * The rule: matching must stay linear in the pattern times the name. Patterns come from
 * users; a backtracking regular expression (`.*` per star) can take minutes on a crafted one
 * and stall every tenant, so this is the classic two-pointer glob match instead.
 */
export const MAX_PATTERN_LENGTH = 1_024;

export function wildcardMatcher(pattern: string): (name: string) => boolean {
  const needle = pattern.slice(0, MAX_PATTERN_LENGTH).toLowerCase();
  if (!/[*?]/.test(needle)) return (name) => name.toLowerCase().includes(needle);
  const glob = needle.replace(/\*+/g, '*');
  return (name) => globMatch(glob, name.toLowerCase());
}

/** Whether `text` matches `glob` as a whole; O(glob × text) at worst, no recursion. */
export function globMatch(glob: string, text: string): boolean {
  let g = 0;
  let t = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (t < text.length) {
    const token = glob[g];
    if (token === '?' || (token !== undefined && token !== '*' && token === text[t])) {
      g++;
      t++;
    } else if (token === '*') {
      starAt = g++;
      resumeAt = t;
    } else if (starAt !== -1) {
      g = starAt + 1;
      t = ++resumeAt;
    } else {
      return false;
    }
  }
  while (glob[g] === '*') g++;
  return g === glob.length;
}

/**
 * Like `wildcardMatcher`, but a pattern without wildcards must equal the whole name (tag
 * values: `region=us` must not match `us-east`).
 */
export function exactWildcardMatcher(pattern: string): (name: string) => boolean {
  const glob = pattern.slice(0, MAX_PATTERN_LENGTH).toLowerCase().replace(/\*+/g, '*');
  return (name) => globMatch(glob, name.toLowerCase());
}
