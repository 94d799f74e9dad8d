/**
 * Random and malformed credentials and tenant headers thrown at the gateway: every answer is
 * a client error or a success without admin data — never a 500, never access it should not give.
 */
import { request } from 'node:http';
import { fc } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../harness/gateway.js';
import { createToken } from '../harness/tokens.js';

let gateway: TestGateway;
let viewerSecret: string;
let adminSecret: string;
beforeAll(async () => {
  gateway = await startTestGateway(undefined, { config: { limits: { rateLimit: { enabled: false } } } });
  viewerSecret = (await createToken(gateway, { role: 'VIEWER', tenant: 'fuzz' })).secret;
  adminSecret = (await createToken(gateway, { role: 'ADMIN', tenant: 'fuzz' })).secret;
});
afterAll(() => gateway.close());

/** POSTs with node:http, which sends any header text HTTP allows (fetch refuses some, e.g. empty values). */
function post(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) as unknown }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Header text HTTP can carry: printable ASCII and Latin-1 (no control characters, no DEL). */
const headerText = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((code) => code !== 0x7f)
      .map((code) => String.fromCharCode(code)),
    maxLength,
  });

/** A real secret, one character changed, dropped or added. */
const nearMiss = (secret: () => string): fc.Arbitrary<string> =>
  fc
    .tuple(fc.nat(), fc.constantFrom('change', 'drop', 'add'), fc.constantFrom(...'abcXYZ019_-'))
    .map(([at, edit, char]) => {
      const value = secret();
      const index = at % value.length;
      if (edit === 'drop') return value.slice(0, index) + value.slice(index + 1);
      if (edit === 'add') return value.slice(0, index) + char + value.slice(index);
      const replacement = value[index] === char ? (char === 'a' ? 'b' : 'a') : char;
      return value.slice(0, index) + replacement + value.slice(index + 1);
    });

const authorization = fc.oneof(
  headerText(200),
  headerText(120).map((text) => `Basic ${text}`),
  headerText(120).map((text) => `Basic ${Buffer.from(text, 'latin1').toString('base64')}`),
  headerText(200).map((text) => `Bearer ${text}`),
  nearMiss(() => adminSecret).map((secret) => `Bearer ${secret}`),
  nearMiss(() => adminSecret).map((secret) => `Basic ${Buffer.from(`${secret}:`).toString('base64')}`),
  fc
    .tuple(fc.base64String(), fc.base64String(), fc.base64String())
    .map(([a, b, c]) => `Bearer ${a}.${b}.${c}`.replace(/[+/=]/g, '')),
);

describe('fuzzed credentials and tenant headers', () => {
  it('never answer 500 and never reveal admin data', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(authorization),
        fc.option(headerText(60)),
        fc.option(headerText(80)),
        async (auth, service, path) => {
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (auth !== null) headers.authorization = auth;
          if (service !== null) headers['fiware-service'] = service;
          if (path !== null) headers['fiware-servicepath'] = path;
          const response = await post(
            new URL('graphql', gateway.url).href,
            headers,
            JSON.stringify({ query: '{ apiTokens { id } }' }),
          );
          expect([200, 400, 401, 403]).toContain(response.status);
          const body = response.json as {
            data?: { apiTokens?: unknown } | null;
            errors?: { extensions: { code: string } }[];
          };
          expect(body.data?.apiTokens ?? null).toBeNull();
          for (const error of body.errors ?? []) expect(error.extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  it('a viewer token with random tenant headers never reaches admin fields or another tenant', async () => {
    await fc.assert(
      fc.asyncProperty(fc.option(headerText(60)), fc.option(headerText(80)), async (service, path) => {
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          authorization: `Bearer ${viewerSecret}`,
        };
        if (service !== null) headers['fiware-service'] = service;
        if (path !== null) headers['fiware-servicepath'] = path;
        const response = await post(
          new URL('graphql', gateway.url).href,
          headers,
          JSON.stringify({ query: '{ viewer { tenant } apiTokens { id } }' }),
        );
        expect([200, 400, 403]).toContain(response.status);
        const body = response.json as { data?: { viewer?: { tenant: string }; apiTokens?: unknown } | null };
        if (body.data?.viewer) expect(body.data.viewer.tenant).toBe('fuzz');
        expect(body.data?.apiTokens ?? null).toBeNull();
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
