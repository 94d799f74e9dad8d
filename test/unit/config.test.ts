import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPath, loadConfig } from '../../src/config/load.js';
import { publicUrlOf } from '../../src/config/schema.js';
import { ConfigError } from '../../src/errors.js';

function configFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'almanac-config-')), 'almanac.yaml');
  writeFileSync(path, text);
  return path;
}

function problemsOf(load: () => unknown): { key: string; source: string; problem: string }[] {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return [...(error as ConfigError).problems];
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:4000 with no backends, which means the embedded stack', () => {
    const config = loadConfig({ env: {} });
    expect(config.server).toMatchObject({ host: '127.0.0.1', port: 4000 });
    expect(config.backends).toEqual([]);
    expect(publicUrlOf(config.server)).toBe('http://127.0.0.1:4000/');
  });

  it('keeps a verified API token working through an outage of Redis for 10 minutes by default', () => {
    expect(loadConfig({ env: {} }).auth.tokenGraceMinutes).toBe(10);
  });

  it('REDIS_URL and PROMETHEUS_URL register the backends native and prometheus', () => {
    const config = loadConfig({ env: { REDIS_URL: 'redis://10.0.0.5:6379', PROMETHEUS_URL: 'http://prom:9090' } });
    expect(config.backends).toEqual([
      {
        id: 'native',
        kind: 'native',
        redis: { url: 'redis://10.0.0.5:6379' },
        commandTimeoutMs: 2000,
        retentionDays: { raw: 7, r900: 90, r3600: 730, r86400: 3650 },
      },
      { id: 'prometheus', kind: 'prometheus', url: 'http://prom:9090', timeoutMs: 10000 },
    ]);
  });

  it('reads any number of named backends from a YAML file, with auth and Redis Cluster nodes', () => {
    const path = configFile(`
server: { port: 8080, publicUrl: "https://metrics.example.com/almanac" }
backends:
  - { id: thanos, kind: prometheus, url: "https://thanos.example.com", auth: { type: bearer, token: s3cret }, timeoutMs: 30000 }
  - { id: mimir, kind: prometheus, url: "https://mimir.example.com/prometheus", auth: { type: basic, username: u, password: p } }
  - id: store
    kind: native
    redis: { cluster: [ { host: r1, port: 7000 }, { host: r2, port: 7001 } ], password: pw }
`);
    const config = loadConfig({ env: {}, configPath: path });
    expect(config.backends.map((backend) => backend.id)).toEqual(['thanos', 'mimir', 'store']);
    expect(config.backends[0]).toMatchObject({ auth: { type: 'bearer', token: 's3cret' }, timeoutMs: 30000 });
    expect(config.backends[2]).toMatchObject({
      redis: {
        cluster: [
          { host: 'r1', port: 7000 },
          { host: 'r2', port: 7001 },
        ],
      },
    });
    expect(publicUrlOf(config.server)).toBe('https://metrics.example.com/almanac/');
  });

  it('environment variables override the file', () => {
    const path = configFile(
      'server: { port: 8080 }\nbackends: [ { id: prometheus, kind: prometheus, url: "http://a:9090" } ]\n',
    );
    const config = loadConfig({ env: { PORT: '9999', PROMETHEUS_URL: 'http://b:9090' }, configPath: path });
    expect(config.server.port).toBe(9999);
    expect(config.backends).toHaveLength(1);
    expect(config.backends[0]).toMatchObject({ id: 'prometheus', url: 'http://b:9090' });
  });

  it.each([
    {
      name: 'a port that is not a number names PORT',
      env: { PORT: 'http' },
      key: 'server.port',
      source: 'environment PORT',
    },
    { name: 'a port out of range names PORT', env: { PORT: '70000' }, key: 'server.port', source: 'environment PORT' },
    {
      name: 'a bad PROMETHEUS_URL names the backend url',
      env: { PROMETHEUS_URL: 'ftp://x' },
      key: 'backends[0].url',
      source: 'environment PROMETHEUS_URL',
    },
    {
      name: 'a bad REDIS_URL names the redis url',
      env: { REDIS_URL: 'http://x' },
      key: 'backends[0].redis.url',
      source: 'environment REDIS_URL',
    },
    {
      name: 'a short ADMIN_API_KEY names adminApiKey',
      env: { ADMIN_API_KEY: 'short' },
      key: 'adminApiKey',
      source: 'environment ADMIN_API_KEY',
    },
    {
      name: 'an unknown log level names logLevel',
      env: { LOG_LEVEL: 'loud' },
      key: 'logLevel',
      source: 'environment LOG_LEVEL',
    },
  ])('$name', ({ env, key, source }) => {
    const problems = problemsOf(() => loadConfig({ env }));
    expect(problems).toEqual([expect.objectContaining({ key, source })]);
  });

  it.each([
    {
      name: 'duplicate backend ids',
      yaml: 'backends: [ { id: a, kind: prometheus, url: "http://x" }, { id: a, kind: prometheus, url: "http://y" } ]',
      key: 'backends[1].id',
    },
    {
      name: 'an unknown backend kind',
      yaml: 'backends: [ { id: a, kind: graphite, url: "http://x" } ]',
      key: 'backends[0].kind',
    },
    { name: 'a misspelled key', yaml: 'server: { prot: 1 }', key: 'server' },
    {
      name: 'an auth type that does not exist',
      yaml: 'backends: [ { id: a, kind: prometheus, url: "http://x", auth: { type: digest } } ]',
      key: 'backends[0].auth.type',
    },
    {
      name: 'a cluster with no nodes',
      yaml: 'backends: [ { id: a, kind: native, redis: { cluster: [] } } ]',
      key: 'backends[0].redis.cluster',
    },
    {
      name: 'a backend id with upper case',
      yaml: 'backends: [ { id: Prod, kind: prometheus, url: "http://x" } ]',
      key: 'backends[0].id',
    },
    { name: 'a negative token grace', yaml: 'auth: { tokenGraceMinutes: -1 }', key: 'auth.tokenGraceMinutes' },
    {
      name: 'a nesting limit below the depth limit',
      yaml: 'limits: { maxDepth: 200, maxNesting: 100 }',
      key: 'limits.maxNesting',
    },
  ])('a file with $name is rejected naming $key', ({ yaml, key }) => {
    const path = configFile(yaml);
    const problems = problemsOf(() => loadConfig({ env: {}, configPath: path }));
    expect(problems.map((problem) => problem.key)).toContain(key);
    expect(problems.every((problem) => problem.source === `file ${path}`)).toBe(true);
  });

  it('reports every problem at once, not just the first', () => {
    const problems = problemsOf(() => loadConfig({ env: { PORT: 'x', LOG_LEVEL: 'loud', ADMIN_API_KEY: 'short' } }));
    expect(problems.map((problem) => problem.key).sort()).toEqual(['adminApiKey', 'logLevel', 'server.port']);
  });

  it('a file that is not YAML, or cannot be read, is a config error', () => {
    expect(problemsOf(() => loadConfig({ env: {}, configPath: configFile('server: [unclosed') }))[0]?.problem).toMatch(
      /not valid YAML/,
    );
    expect(problemsOf(() => loadConfig({ env: {}, configPath: '/nonexistent/almanac.yaml' }))[0]?.problem).toMatch(
      /cannot read/,
    );
  });

  it('the error message lists each key with its source', () => {
    expect(() => loadConfig({ env: { PORT: 'abc' } })).toThrow(
      new ConfigError([
        { key: 'server.port', source: 'environment PORT', problem: 'expected a whole number, got "abc"' },
      ]),
    );
    expect(() => loadConfig({ env: { PORT: 'abc' } })).toThrow(
      'invalid configuration:\n  server.port (environment PORT): expected a whole number, got "abc"',
    );
  });
});

describe('formatPath', () => {
  it.each([
    { path: [], text: '(root)' },
    { path: ['server', 'port'], text: 'server.port' },
    { path: ['backends', 2, 'auth', 'token'], text: 'backends[2].auth.token' },
  ])('$text', ({ path, text }) => expect(formatPath(path)).toBe(text));
});
