/**
 * API token secrets: 256 random bits, shown once, stored only as a SHA-256 hash. A fast hash
 * is right here: the secret is random and long, so there is nothing to brute-force, and
 * every request hashes it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const SECRET_PREFIX = 'alm_';
/** How much of a secret listings show. */
const SHOWN_CHARACTERS = 10;

export function newSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function shownPrefix(secret: string): string {
  return secret.slice(0, SHOWN_CHARACTERS);
}

/** Constant-time comparison of two secrets (or hashes) of any length. */
export function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}
