import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { readCredentials } from '../../src/auth/credentials.js';

const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('readCredentials', () => {
  it.each([
    { name: 'no header is no credentials', header: undefined, expected: { kind: 'none' } },
    { name: 'an empty header is no credentials', header: '  ', expected: { kind: 'none' } },
    {
      name: 'Basic with the token as user and an empty password (the reference)',
      header: basic('alm_abc', ''),
      expected: { kind: 'secret', secret: 'alm_abc' },
    },
    {
      name: 'Basic with an empty user and the token as password',
      header: basic('', 'alm_abc'),
      expected: { kind: 'secret', secret: 'alm_abc' },
    },
    { name: 'Bearer with a token', header: 'Bearer alm_abc', expected: { kind: 'secret', secret: 'alm_abc' } },
    {
      name: 'the scheme is case-insensitive',
      header: 'bearer alm_abc',
      expected: { kind: 'secret', secret: 'alm_abc' },
    },
    {
      name: 'Bearer with a JWT',
      header: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln',
      expected: { kind: 'jwt', jwt: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' },
    },
  ])('$name', ({ header, expected }) => expect(readCredentials(header)).toEqual(expected));

  it.each([
    { name: 'an unknown scheme', header: 'Digest username="x"', reason: /unsupported authorization scheme "Digest"/ },
    { name: 'Basic that is not base64', header: 'Basic ***', reason: /not base64/ },
    { name: 'Basic without a colon', header: `Basic ${Buffer.from('alm_abc').toString('base64')}`, reason: /no ":"/ },
    { name: 'Basic with both a user and a password', header: basic('alm_abc', 'secret'), reason: /empty password/ },
    { name: 'an empty bearer token', header: 'Bearer', reason: /empty/ },
    { name: 'a bearer token with control characters', header: 'Bearer alm_\u0001abc', reason: /characters/ },
  ])('refuses $name, saying why', ({ header, reason }) => {
    const credentials = readCredentials(header);
    expect(credentials.kind).toBe('malformed');
    expect(credentials.kind === 'malformed' && credentials.reason).toMatch(reason);
  });

  test.prop([fc.string({ maxLength: 300 })])('never throws on any header text', (header) => {
    expect(['none', 'secret', 'jwt', 'malformed']).toContain(readCredentials(header).kind);
  });

  test.prop([fc.stringMatching(/^[\x21-\x39\x3b-\x7e]{1,100}$/)])(
    'a token sent as Basic user or as Bearer reads back the same',
    (token) => {
      expect(readCredentials(basic(token, ''))).toEqual({ kind: 'secret', secret: token });
      const bearer = readCredentials(`Bearer ${token}`);
      expect(bearer.kind === 'secret' ? bearer.secret : bearer.kind === 'jwt' ? bearer.jwt : null).toBe(token);
    },
  );
});
