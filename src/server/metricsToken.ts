/**
 * The `/metrics` Basic-auth password, derived as in the Octeth reference with Almanac's path:
 * base64(HMAC-SHA256(key = ADMIN_API_KEY, message = PUBLIC_URL + "metrics")).
 * PUBLIC_URL always ends in "/", so the message is the full URL of the endpoint.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const METRICS_USER = 'admin';

export function metricsToken(adminApiKey: string, publicUrl: string): string {
  return createHmac('sha256', adminApiKey).update(`${publicUrl}metrics`).digest('base64');
}

/** True when an `Authorization` header carries Basic credentials admin:<token>. Constant time. */
export function isMetricsAuthorized(header: string | undefined, expectedToken: string): boolean {
  if (!header?.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice('Basic '.length).trim(), 'base64');
  const expected = Buffer.from(`${METRICS_USER}:${expectedToken}`);
  return decoded.length === expected.length && timingSafeEqual(decoded, expected);
}
