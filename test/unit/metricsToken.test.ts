import { describe, expect, it } from 'vitest';
import { isMetricsAuthorized, metricsToken } from '../../src/server/metricsToken.js';

const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('metricsToken', () => {
  it('is base64(HMAC-SHA256(key = ADMIN_API_KEY, message = PUBLIC_URL + "metrics"))', () => {
    // Computed independently: printf 'http://127.0.0.1:4000/metrics' | openssl dgst -sha256 -hmac 'reference-admin-api-key' -binary | base64
    expect(metricsToken('reference-admin-api-key', 'http://127.0.0.1:4000/')).toBe(
      'yQqEBAy2ZmCbJrKRP3HjG2YmuD5gUqEF+mUSa0OFXcE=',
    );
  });

  it('changes with the public URL, so a token for one deployment does not open another', () => {
    expect(metricsToken('k'.repeat(20), 'https://a.example.com/')).not.toBe(
      metricsToken('k'.repeat(20), 'https://b.example.com/'),
    );
  });
});

describe('isMetricsAuthorized', () => {
  const token = metricsToken('reference-admin-api-key', 'http://127.0.0.1:4000/');
  it.each([
    { name: 'admin with the token', header: basic('admin', token), ok: true },
    { name: 'no header', header: undefined, ok: false },
    { name: 'another user with the token', header: basic('root', token), ok: false },
    { name: 'admin with a wrong password', header: basic('admin', `${token}x`), ok: false },
    { name: 'admin with an empty password', header: basic('admin', ''), ok: false },
    { name: 'a bearer header carrying the token', header: `Bearer ${token}`, ok: false },
    { name: 'garbage that is not base64', header: 'Basic !!!***', ok: false },
  ])('$name → $ok', ({ header, ok }) => expect(isMetricsAuthorized(header, token)).toBe(ok));
});
