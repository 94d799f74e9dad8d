/**
 * Whether an ADMIN_API_KEY is strong enough to face a network. Credentials are no longer
 * refused per address before they are checked (a valid one is always served), so what keeps
 * guessing infeasible is the secret itself: API tokens carry 256 random bits, and the admin key
 * must carry at least 128. A key's randomness cannot be measured, only its shape refused: at
 * least 32 characters (32 hex digits are 128 bits), at least 8 different characters, and no
 * short unit repeated (`abcdabcd…`).
 *
 * The rule: the gateway refuses a weak key when it listens beyond loopback (runGateway.ts);
 * on loopback any key of 16 characters or more is accepted, for local use and tests.
 */

/** Fewest characters of a key served beyond loopback. */
const MIN_ADMIN_KEY_LENGTH = 32;
/** Fewest different characters in such a key. */
const MIN_ADMIN_KEY_VARIETY = 8;

/** How to make a key that passes, for the refusal's message. */
export const MAKE_ADMIN_KEY = 'openssl rand -hex 32';

/** Why `key` is too weak to serve beyond loopback, or null when it is not. */
export function adminKeyWeakness(key: string): string | null {
  const characters = [...key];
  if (characters.length < MIN_ADMIN_KEY_LENGTH) {
    return `is ${characters.length} characters; at least ${MIN_ADMIN_KEY_LENGTH} are needed`;
  }
  const variety = new Set(characters).size;
  if (variety < MIN_ADMIN_KEY_VARIETY) {
    return `uses ${variety} different characters; at least ${MIN_ADMIN_KEY_VARIETY} are needed`;
  }
  const unit = repeatedUnit(characters);
  if (unit !== null) return `repeats "${unit}"`;
  return null;
}

/** The shortest unit the key is made of when it repeats one (a trailing part counts); else null. */
function repeatedUnit(characters: readonly string[]): string | null {
  for (let period = 1; period <= characters.length / 2; period++) {
    if (characters.every((character, index) => index < period || character === characters[index - period])) {
      return characters.slice(0, period).join('');
    }
  }
  return null;
}
