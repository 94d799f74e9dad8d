import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_DURATION_BUCKETS } from '../../src/server/telemetry.js';
import { startTestGateway, type TestGateway } from '../harness/gateway.js';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway.close());

const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const scrape = (authorization?: string): Promise<Response> =>
  fetch(new URL('metrics', gateway.url), { headers: authorization ? { authorization } : {} });

/** Runs `promtool check metrics` on the text, as Prometheus's own linter. */
function promtoolCheck(text: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('promtool', ['check', 'metrics'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
    child.stdin.end(text);
  });
}

describe('/metrics', () => {
  it.each([
    { name: 'no credentials', header: undefined },
    { name: 'the wrong password', header: basic('admin', 'guess') },
    { name: 'the right password for another user', header: basic('root', 'TOKEN') },
  ])('refuses $name with 401 and the reference text', async ({ header }) => {
    const response = await scrape(header?.replace(/TOKEN/, gateway.metricsToken));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="metrics"/);
    expect(await response.text()).toBe('You are not authorized to access this page.');
  });

  it('says "No metrics collected yet" before any request was served, and still shows process metrics', async () => {
    const response = await scrape(basic('admin', gateway.metricsToken));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.startsWith('# No metrics collected yet\n')).toBe(true);
    expect(text).not.toMatch(/api_requests_duration_seconds_bucket/);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
  });

  it('records each request under its root field coordinates with exactly the reference buckets', async () => {
    await gateway.graphql('{ backends { id } }');
    await gateway.graphql('{ a: backends { id } b: serverInfo { version } }');
    await gateway.graphql('{ nope }'); // rejected by validation: no root field, no observation
    const text = await (await scrape(basic('admin', gateway.metricsToken))).text();

    expect(text).toMatch(/^# TYPE api_requests_duration_seconds histogram$/m);
    expect(text).toMatch(/^api_requests_duration_seconds_count\{command="Query.backends"\} 2$/m);
    expect(text).toMatch(/^api_requests_duration_seconds_count\{command="Query.serverInfo"\} 1$/m);
    expect(text).not.toMatch(/command="Query.nope"|command="(a|b)"/);
    const buckets = [
      ...text.matchAll(/^api_requests_duration_seconds_bucket\{le="([^"]+)",command="Query.backends"\}/gm),
    ].map((match) => match[1]);
    expect(buckets).toEqual([...REQUEST_DURATION_BUCKETS.map(String), '+Inf']);
    expect(text).toMatch(/^almanac_graphql_rejected_requests_total\{phase="validation"\} 1$/m);
  });

  it('the exposition passes promtool check metrics, before and after requests', async () => {
    const fresh = await startTestGateway();
    try {
      const before = await (
        await fetch(new URL('metrics', fresh.url), { headers: { authorization: basic('admin', fresh.metricsToken) } })
      ).text();
      expect(await promtoolCheck(before)).toEqual({ code: 0, output: '' });
    } finally {
      await fresh.close();
    }
    await gateway.graphql('{ backends { id } }');
    const after = await (await scrape(basic('admin', gateway.metricsToken))).text();
    expect(await promtoolCheck(after)).toEqual({ code: 0, output: '' });
  });
});
