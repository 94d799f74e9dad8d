/**
 * Name filters with `*` (any run of characters) and `?` (one character), as the AppOptics
 * reference's `?name=*token*`. A pattern without wildcards matches as a substring, which is
 * what people mean when they type part of a name. Matching is case-insensitive.
 */
export function wildcardMatcher(pattern: string): (name: string) => boolean {
  if (!/[*?]/.test(pattern)) {
    const needle = pattern.toLowerCase();
    return (name) => name.toLowerCase().includes(needle);
  }
  const source = [...pattern].map((char) => (char === '*' ? '.*' : char === '?' ? '.' : escapeRegExp(char))).join('');
  const regex = new RegExp(`^${source}$`, 'is');
  return (name) => regex.test(name);
}

function escapeRegExp(char: string): string {
  return /[\\^$.|+()[\]{}]/.test(char) ? `\\${char}` : char;
}
