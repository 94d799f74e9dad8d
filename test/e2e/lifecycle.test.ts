/**
 * The gateway as a user runs it (`almanac start`, built to dist/), with the embedded Redis and
 * Prometheus: no orphan process survives a SIGTERM or a crash, and external backends spawn nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { metricsToken } from '../../src/server/metricsToken.js';
import { pidOf, startCli, startNpmScript } from '../harness/cli.js';
import { descendantsOf, isAlive } from '../harness/processes.js';
import { harnessRedisUrl } from '../harness/redis.js';

function embeddedServers(pid: number): { redis: number; prometheus: number } {
  const tree = descendantsOf(pid);
  const redis = tree.find((entry) => entry.command.startsWith('redis-server'));
  const prometheus = tree.find((entry) => entry.command.startsWith('prometheus'));
  if (!redis || !prometheus)
    throw new Error(`expected redis-server and prometheus under the gateway, found: ${JSON.stringify(tree)}`);
  return { redis: redis.pid, prometheus: prometheus.pid };
}

const dataDir = (): string => mkdtempSync(join(tmpdir(), 'almanac-e2e-'));

describe('almanac start with no backends configured (the embedded default)', () => {
  it('starts Redis and Prometheus, reports both healthy, and SIGTERM stops all three', async () => {
    const gateway = await startCli(['start'], { ALMANAC_DATA_DIR: dataDir() });
    const adminApiKey = /Admin token: (\S{40,}) {2}\(ADMIN_API_KEY was not set; generated for this run\)/.exec(
      gateway.stdout(),
    )?.[1];
    expect(adminApiKey).toBeDefined();
    expect(gateway.stdout()).toContain(
      `In GraphiQL, open the Headers pane and enter: {"Authorization": "Bearer ${adminApiKey}"}`,
    );
    const servers = embeddedServers(pidOf(gateway));

    const response = await fetch(new URL('graphql', gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminApiKey}` },
      body: JSON.stringify({ query: '{ backends { id kind health { ok } } }' }),
    });
    expect(await response.json()).toMatchObject({
      data: {
        backends: [
          { id: 'native', kind: 'NATIVE', health: { ok: true } },
          { id: 'prometheus', kind: 'PROMETHEUS', health: { ok: true } },
        ],
      },
    });

    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
    expect(isAlive(servers.redis)).toBe(false);
    expect(isAlive(servers.prometheus)).toBe(false);
  });

  it('a crash (SIGKILL, no chance to clean up) still leaves no redis-server or prometheus behind', async () => {
    const gateway = await startCli(['start'], { ALMANAC_DATA_DIR: dataDir() });
    const servers = embeddedServers(pidOf(gateway));
    gateway.child.kill('SIGKILL');
    await gateway.exited;
    await expect.poll(() => isAlive(servers.redis) || isAlive(servers.prometheus), { timeout: 15_000 }).toBe(false);
  });

  it("the embedded Prometheus scrapes the gateway's /metrics with the derived token", async () => {
    const adminApiKey = 'lifecycle-test-admin-key-0123456789';
    const gateway = await startCli(['start'], { ALMANAC_DATA_DIR: dataDir(), ADMIN_API_KEY: adminApiKey });
    const prometheusUrl = /prometheus = (http:\/\/\S+)/.exec(gateway.stdout())?.[1];
    expect(prometheusUrl).toBeDefined();
    expect(gateway.stdout()).toContain(`password: ${metricsToken(adminApiKey, gateway.url)}`);
    const up = async (): Promise<string | undefined> => {
      const body = (await (await fetch(`${prometheusUrl}/api/v1/query?query=up{job="almanac"}`)).json()) as {
        data: { result: { value: [number, string] }[] };
      };
      return body.data.result[0]?.value[1];
    };
    // Prometheus's first scrape of a new target comes within one 15 s interval.
    await expect.poll(up, { timeout: 40_000, interval: 1_000 }).toBe('1');
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
  }, 60_000);
});

describe('almanac start with backends configured', () => {
  it('REDIS_URL and PROMETHEUS_URL use those servers and spawn nothing', async () => {
    const gateway = await startCli(['start'], {
      REDIS_URL: harnessRedisUrl(),
      PROMETHEUS_URL: inject('prometheusUrl'),
      ADMIN_API_KEY: 'x'.repeat(32),
    });
    expect(descendantsOf(pidOf(gateway))).toEqual([]);
    const ready = await (await fetch(new URL('readyz', gateway.url))).json();
    expect(ready).toEqual({ ready: true, backends: { native: true, prometheus: true } });
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
  });

  it('npm start (after npm run build) runs the same command: ready, and SIGTERM stops it with exit code 0', async () => {
    const npm = await startNpmScript('start', {
      REDIS_URL: harnessRedisUrl(),
      PROMETHEUS_URL: inject('prometheusUrl'),
      ADMIN_API_KEY: 'n'.repeat(32),
    });
    const gateway = descendantsOf(pidOf(npm)).find((entry) => entry.command.includes('dist/cli.js start'));
    expect(gateway, JSON.stringify(descendantsOf(pidOf(npm)))).toBeDefined();
    const ready = await fetch(new URL('readyz', npm.url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, backends: { native: true, prometheus: true } });
    npm.child.kill('SIGTERM');
    expect(await npm.exited).toBe(0);
    expect(isAlive(gateway?.pid ?? 0)).toBe(false);
  });

  it('a bad configuration stops the start with exit code 2 and names the key and its source', async () => {
    const gateway = await startCli(['start'], { PORT: 'eighty', PROMETHEUS_URL: 'not a url' }, false);
    expect(await gateway.exited).toBe(2);
    expect(gateway.stderr()).toContain('server.port (environment PORT): expected a whole number, got "eighty"');
    expect(gateway.stderr()).toContain(
      'backends[0].url (environment PROMETHEUS_URL): must be an http:// or https:// URL',
    );
  });
});

describe('almanac metrics-token', () => {
  it('prints the /metrics password for ADMIN_API_KEY and PUBLIC_URL', async () => {
    const cli = await startCli(
      ['metrics-token'],
      { ADMIN_API_KEY: 'k'.repeat(32), PUBLIC_URL: 'https://almanac.example.com' },
      false,
    );
    expect(await cli.exited).toBe(0);
    expect(cli.stdout().trim()).toBe(metricsToken('k'.repeat(32), 'https://almanac.example.com/'));
  });

  it('refuses without ADMIN_API_KEY', async () => {
    const cli = await startCli(['metrics-token'], {}, false);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toContain('ADMIN_API_KEY is not set');
  });
});

describe('almanac start on a non-loopback address', () => {
  it('refuses to start without ADMIN_API_KEY rather than print a generated one into the logs', async () => {
    const gateway = await startCli(['start'], { HOST: '0.0.0.0', REDIS_URL: harnessRedisUrl() }, false);
    expect(await gateway.exited).toBe(2);
    expect(gateway.stderr()).toContain(
      'adminApiKey (environment ADMIN_API_KEY): must be set when listening on a non-loopback address (0.0.0.0)',
    );
  });

  it('refuses a guessable ADMIN_API_KEY, saying what is wrong with it and how to make one', async () => {
    const gateway = await startCli(
      ['start'],
      { HOST: '0.0.0.0', REDIS_URL: harnessRedisUrl(), ADMIN_API_KEY: 'x'.repeat(32) },
      false,
    );
    expect(await gateway.exited).toBe(2);
    expect(gateway.stderr()).toContain(
      'adminApiKey (environment ADMIN_API_KEY): uses 1 different characters; at least 8 are needed when listening on a non-loopback address (0.0.0.0); make a key with: openssl rand -hex 32',
    );
  });
});
