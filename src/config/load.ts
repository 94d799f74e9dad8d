/**
 * Loads the configuration: an optional file (YAML or JSON), then environment overrides, then
 * validation. Every problem is reported with the key it concerns and where the value came
 * from (the file or the environment variable), so a bad start says exactly what to fix.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ConfigError, type ConfigProblem } from '../errors.js';
import { configSchema, type Config } from './schema.js';

type Env = Readonly<Record<string, string | undefined>>;
type Raw = Record<string, unknown>;

/** Environment variables that override a key of the file, with the key they set. */
const scalarOverrides: readonly { env: string; path: readonly string[]; integer?: boolean }[] = [
  { env: 'HOST', path: ['server', 'host'] },
  { env: 'PORT', path: ['server', 'port'], integer: true },
  { env: 'PUBLIC_URL', path: ['server', 'publicUrl'] },
  { env: 'ADMIN_API_KEY', path: ['adminApiKey'] },
  { env: 'LOG_LEVEL', path: ['logLevel'] },
  { env: 'ALMANAC_DATA_DIR', path: ['dataDir'] },
];

/** `REDIS_URL` / `PROMETHEUS_URL` set the URL of the backend named `native` / `prometheus`. */
const backendOverrides = [
  { env: 'REDIS_URL', id: 'native', kind: 'native' },
  { env: 'PROMETHEUS_URL', id: 'prometheus', kind: 'prometheus' },
] as const;

export interface LoadOptions {
  env: Env;
  /** Path of the config file; defaults to `$ALMANAC_CONFIG`. */
  configPath?: string | undefined;
}

export function loadConfig({ env, configPath = env.ALMANAC_CONFIG }: LoadOptions): Config {
  const fileLabel = configPath ? `file ${configPath}` : 'default';
  const raw = configPath ? readConfigFile(configPath) : {};
  const sources = new Map<string, string>();
  const problems: ConfigProblem[] = [];

  for (const { env: name, path, integer } of scalarOverrides) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    const key = path.join('.');
    sources.set(key, `environment ${name}`);
    if (integer && !/^\d+$/.test(value)) {
      problems.push({ key, source: `environment ${name}`, problem: `expected a whole number, got "${value}"` });
      continue;
    }
    setPath(raw, path, integer ? Number(value) : value);
  }
  applyBackendOverrides(raw, env, sources);

  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) problems.push(...describeIssues(parsed.error.issues, sources, fileLabel));
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return parsed.data;
}

function readConfigFile(path: string): Raw {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError([
      { key: '(file)', source: `file ${path}`, problem: `cannot read: ${(error as Error).message}` },
    ]);
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new ConfigError([
      { key: '(file)', source: `file ${path}`, problem: `not valid YAML or JSON: ${(error as Error).message}` },
    ]);
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError([{ key: '(file)', source: `file ${path}`, problem: 'must be a mapping of settings' }]);
  }
  return value as Raw;
}

function applyBackendOverrides(raw: Raw, env: Env, sources: Map<string, string>): void {
  for (const { env: name, id, kind } of backendOverrides) {
    const url = env[name];
    if (url === undefined || url === '') continue;
    if (raw.backends !== undefined && !Array.isArray(raw.backends)) return; // reported by validation
    const backends = (raw.backends ?? []) as Raw[];
    raw.backends = backends;
    let index = backends.findIndex((backend) => backend.id === id);
    if (index === -1) {
      index = backends.push(kind === 'native' ? { id, kind, redis: {} } : { id, kind }) - 1;
    }
    const backend = backends[index] as Raw;
    if (kind === 'native') {
      backend.redis = { url };
      sources.set(`backends[${index}].redis.url`, `environment ${name}`);
    } else {
      backend.url = url;
      sources.set(`backends[${index}].url`, `environment ${name}`);
    }
  }
}

function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  sources: Map<string, string>,
  fileLabel: string,
): ConfigProblem[] {
  return issues.map((issue) => {
    const key = formatPath(issue.path);
    return { key, source: sources.get(key) ?? fileLabel, problem: issue.message };
  });
}

/** `['backends', 1, 'url']` → `backends[1].url`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function setPath(target: Raw, path: readonly string[], value: unknown): void {
  let node = target;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as Raw;
  }
  node[path[path.length - 1] as string] = value;
}
