import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEAD_PROMETHEUS_URL,
  harnessBackends,
  startTestGateway,
  TEST_ADMIN_KEY,
  type TestGateway,
} from '../harness/gateway.js';

const run = promisify(execFile);

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway([
    ...harnessBackends(),
    { id: 'prom-dead', kind: 'prometheus', url: DEAD_PROMETHEUS_URL, timeoutMs: 1_000 },
  ]);
});
afterAll(() => gateway.close());

describe('the README example program (examples/list-backends.ts)', () => {
  it('prints each backend with its kind and health through the generated typed client', async () => {
    const { stdout } = await run('npx', ['tsx', 'examples/list-backends.ts'], {
      env: { ...process.env, ALMANAC_URL: new URL('graphql', gateway.url).href, ALMANAC_TOKEN: TEST_ADMIN_KEY },
    });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^native\tNATIVE\tok in [\d.]+ ms$/);
    expect(lines[1]).toMatch(/^prometheus\tPROMETHEUS\tok in [\d.]+ ms$/);
    expect(lines[2]).toMatch(/^prom-dead\tPROMETHEUS\tDOWN: .+/);
  });

  it('exits non-zero with the HTTP status when the URL is not a GraphQL endpoint', async () => {
    const failure = await run('npx', ['tsx', 'examples/list-backends.ts'], {
      env: { ...process.env, ALMANAC_URL: new URL('nowhere', gateway.url).href },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringMatching(/AlmanacRequestError: HTTP 404/) });
  });
});
