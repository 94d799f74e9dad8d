/**
 * The configuration schema: the one place that says which settings exist, their defaults and
 * their limits. The `Config` type is inferred from it, so code and validation cannot drift.
 */
import { z } from 'zod';

const backendId = z
  .string()
  .regex(
    /^[a-z][a-z0-9_-]{0,62}$/,
    'must start with a lower-case letter and use only a-z, 0-9, "_" and "-" (at most 63 characters)',
  );

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });
const redisUrl = z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' });

const basicAuth = z.strictObject({
  type: z.literal('basic'),
  username: z.string().min(1),
  password: z.string(),
});

const bearerAuth = z.strictObject({
  type: z.literal('bearer'),
  token: z.string().min(1),
});

const prometheusBackend = z.strictObject({
  id: backendId,
  kind: z.literal('prometheus'),
  /** Base URL of a Prometheus-API server; a path prefix (as Mimir's `/prometheus`) is kept. */
  url: httpUrl,
  auth: z.discriminatedUnion('type', [basicAuth, bearerAuth]).optional(),
  timeoutMs: z.number().int().min(1).max(300_000).default(10_000),
});

const clusterNode = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535),
});

const nativeBackend = z.strictObject({
  id: backendId,
  kind: z.literal('native'),
  redis: z.union([
    z.strictObject({ url: redisUrl }),
    z.strictObject({
      cluster: z.array(clusterNode).min(1, 'must name at least one node'),
      username: z.string().optional(),
      password: z.string().optional(),
      tls: z.boolean().default(false),
    }),
  ]),
  /** A Redis command that takes longer fails instead of hanging the request. */
  commandTimeoutMs: z.number().int().min(1).max(60_000).default(2_000),
});

export const backendSchema = z.discriminatedUnion('kind', [prometheusBackend, nativeBackend]);

export const configSchema = z.strictObject({
  server: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1'),
      port: z.number().int().min(0).max(65_535).default(4000),
      /** The URL clients use to reach Almanac; the `/metrics` token is derived from it. */
      publicUrl: httpUrl.optional(),
      /** Most lexical tokens a GraphQL document may have before parsing stops. */
      maxQueryTokens: z.number().int().min(100).max(1_000_000).default(10_000),
    })
    .prefault({}),
  /** Bootstrap admin secret; also the key of the `/metrics` token. Generated when unset. */
  adminApiKey: z.string().min(16, 'must be at least 16 characters').optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the embedded Redis and Prometheus keep their data. */
  dataDir: z.string().min(1).default('.data'),
  /** Where Almanac keeps its own records (tokens, environments, counters): a native backend's Redis. */
  store: z
    .strictObject({
      /** Id of a native backend; default: the first native backend. */
      backend: backendId.optional(),
      /** Prefix of every key Almanac writes, so several deployments can share one Redis. */
      keyPrefix: z
        .string()
        .regex(/^[a-z0-9_-]{1,32}$/, 'use 1-32 of a-z, 0-9, "_" and "-"')
        .default('almanac'),
    })
    .prefault({}),
  backends: z
    .array(backendSchema)
    .default([])
    .superRefine((backends, ctx) => {
      const seen = new Set<string>();
      backends.forEach((backend, index) => {
        if (seen.has(backend.id)) {
          ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate backend id "${backend.id}"` });
        }
        seen.add(backend.id);
      });
    }),
});

export type Config = z.infer<typeof configSchema>;
export type BackendConfig = z.infer<typeof backendSchema>;
export type PrometheusBackendConfig = z.infer<typeof prometheusBackend>;
export type NativeBackendConfig = z.infer<typeof nativeBackend>;

/** PUBLIC_URL as configured, or `http://HOST:PORT/`; always ending in "/". */
export function publicUrlOf(server: Config['server'], port: number = server.port): string {
  const url = server.publicUrl ?? `http://${server.host.includes(':') ? `[${server.host}]` : server.host}:${port}/`;
  return url.endsWith('/') ? url : `${url}/`;
}
