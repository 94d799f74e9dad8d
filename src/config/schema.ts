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
  /** How many days each level of the store keeps: raw points, 15-minute, hourly and daily rollups. */
  retentionDays: z
    .strictObject({
      raw: z.number().int().min(1).max(3_650).default(7),
      r900: z.number().int().min(1).max(3_650).default(90),
      r3600: z.number().int().min(1).max(7_300).default(730),
      r86400: z.number().int().min(1).max(36_500).default(3_650),
    })
    .prefault({})
    .refine((days) => days.raw <= days.r900 && days.r900 <= days.r3600 && days.r3600 <= days.r86400, {
      message: 'each level must keep at least as long as the finer one before it (raw ≤ r900 ≤ r3600 ≤ r86400)',
    }),
});

export const backendSchema = z.discriminatedUnion('kind', [prometheusBackend, nativeBackend]);

const oidc = z.strictObject({
  /** The `iss` every accepted JWT must carry. */
  issuer: z.string().min(1),
  /** Where the provider publishes its signing keys. */
  jwksUrl: httpUrl,
  /** The `aud` every accepted JWT must carry: required, or tokens the provider issued for other applications would be accepted. */
  audience: z.string().min(1),
  /** The claim that holds the role: viewer, recorder or admin. */
  roleClaim: z.string().min(1).default('almanac_role'),
  /** The claim that holds the tenant. */
  tenantClaim: z.string().min(1).default('almanac_tenant'),
  /** The tenant of JWTs without the tenant claim; unset, such JWTs are refused. */
  defaultTenant: z
    .string()
    .regex(/^[a-z0-9_]{1,50}$/, 'use 1-50 lower-case letters, digits or "_"')
    .optional(),
});

/** Per-client request budget, kept in Redis so every replica shares it. */
const rateLimit = z.strictObject({
  /** Off when a proxy in front of Almanac already limits request rates. */
  enabled: z.boolean().default(true),
  /** Requests one API token, JWT subject or the operator may make per window. */
  points: z.number().int().min(1).max(1_000_000).default(1_200),
  /** Requests a client without credentials may make per window, counted per IP address. */
  anonymousPoints: z.number().int().min(1).max(1_000_000).default(300),
  /** The window, in seconds; a budget is refilled whole when its window ends. */
  durationSeconds: z.number().int().min(1).max(86_400).default(60),
  /** Refused credentials one IP address may send per window before it is refused outright. */
  failedAuthAttempts: z.number().int().min(1).max(1_000_000).default(20),
});

/** What one request may ask of the gateway; see README "Request limits" for the cost model. */
const limitFields = z.strictObject({
  /** Deepest nesting of fields in an operation (fragments are transparent). */
  maxDepth: z.number().int().min(1).max(1_000).default(20),
  /** Aliased fields in one operation, counted once per use of a fragment. */
  maxAliases: z.number().int().min(0).max(100_000).default(50),
  /** Directives used in one operation, counted once per use of a fragment. */
  maxDirectives: z.number().int().min(0).max(100_000).default(50),
  /**
   * Fields one selection set may compare pairwise in validation: its own, its inline
   * fragments' and those spread from named fragments, counted before validation.
   */
  maxFieldsPerSelection: z.number().int().min(1).max(100_000).default(200),
  /** Root fields in one operation (fragments' included), counted before validation. */
  maxRootFields: z.number().int().min(1).max(100_000).default(100),
  /**
   * Deepest nesting of braces, brackets and parentheses in a document, counted by the lexer
   * before parsing (the parser recurses once per level); at most 1,000, which parses safely.
   */
  maxNesting: z.number().int().min(2).max(1_000).default(500),
  /** Estimated number of values in an operation's response (README: cost model). */
  maxCost: z.number().int().min(1).max(100_000_000).default(250_000),
  /** Items assumed for a list field without a `first`, `last` or `limit` argument. */
  defaultListSize: z.number().int().min(1).max(100_000).default(10),
  /** Whether `__schema` / `__type` queries (GraphiQL, codegen) are answered. */
  introspection: z.boolean().default(true),
  /** Largest request body, in bytes; larger ones get 413. */
  maxBodyBytes: z
    .number()
    .int()
    .min(1_024)
    .max(100 * 1_048_576)
    .default(1_048_576),
  /** Most operations in one batched request (a JSON array body). */
  maxBatchSize: z.number().int().min(1).max(1_000).default(10),
  /** Series one series query may read (before group-by). */
  maxSeriesPerQuery: z.number().int().min(1).max(1_000_000).default(2_000),
  /** Points one series query may return, over all its series. */
  maxPointsPerQuery: z.number().int().min(1).max(100_000_000).default(1_000_000),
  /** Points per series an automatically chosen resolution keeps under. */
  maxPointsPerSeries: z.number().int().min(10).max(1_000_000).default(10_000),
  rateLimit: rateLimit.prefault({}),
});

// A query of depth d nests d braces: a smaller maxNesting would refuse it before maxDepth could.
const limits = limitFields.refine((fields) => fields.maxNesting >= fields.maxDepth, {
  message: 'must be at least limits.maxDepth (a query nests a brace per level of depth)',
  path: ['maxNesting'],
});

/** Almanac's own usage records (README "Usage metrics"): one per request, written off the request path. */
const usage = z.strictObject({
  /** Whether requests to /graphql, /v1/... and /admin/... leave usage records. */
  enabled: z.boolean().default(true),
  /** Most records held in memory awaiting their write; past it records are dropped and counted. */
  bufferSize: z.number().int().min(10).max(1_000_000).default(10_000),
  /** How often buffered records are written to Redis, in milliseconds (also when half full). */
  flushIntervalMs: z.number().int().min(10).max(60_000).default(1_000),
  /** How many days usage records are kept; the usage series follow the native backend's retention. */
  retentionDays: z.number().int().min(1).max(3_650).default(30),
  /**
   * Distinct applications (the client-chosen `apollographql-client-name`) whose usage gets
   * series of its own, per tenant; the rest are counted as application `other`, so a client
   * cannot make series without bound. Records keep the name as sent.
   */
  maxApplications: z.number().int().min(1).max(10_000).default(100),
});

export const configSchema = z.strictObject({
  server: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1'),
      /**
       * Behind a reverse proxy, trust its X-Forwarded-For so rate limits count clients, not the
       * proxy: true (trust every hop), or the proxy addresses/CIDRs to trust.
       */
      trustProxy: z.union([z.boolean(), z.array(z.string().min(1))]).default(false),
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
  auth: z
    .strictObject({
      /** Accept bearer JWTs from this OIDC provider besides API tokens. */
      oidc: oidc.optional(),
      /**
       * Whether requests without credentials are served at all. `loopback` (the default)
       * serves them only while the gateway listens on a loopback address; elsewhere they get
       * 401, except /healthz, /readyz and /graphiql.
       */
      anonymous: z.enum(['loopback', 'never']).default('loopback'),
      /**
       * How long after its last successful lookup an API token keeps working while the store
       * (Redis) cannot be asked; 0 turns this off.
       */
      tokenGraceMinutes: z.number().int().min(0).max(1_440).default(10),
    })
    .prefault({}),
  /** Request limits: query depth, aliases, directives, cost, body size, batch size, rate. */
  limits: limits.prefault({}),
  /** Usage records of every request: buffer, flush interval, retention. */
  usage: usage.prefault({}),
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
/** A backend as written in a config file: defaults not yet applied. */
export type BackendConfigInput = z.input<typeof backendSchema>;
export type PrometheusBackendConfig = z.infer<typeof prometheusBackend>;
export type NativeBackendConfig = z.infer<typeof nativeBackend>;
export type OidcConfig = z.infer<typeof oidc>;
export type LimitsConfig = z.infer<typeof limits>;
export type UsageConfig = z.infer<typeof usage>;

/** PUBLIC_URL as configured, or `http://HOST:PORT/`; always ending in "/". */
export function publicUrlOf(server: Config['server'], port: number = server.port): string {
  const url = server.publicUrl ?? `http://${server.host.includes(':') ? `[${server.host}]` : server.host}:${port}/`;
  return url.endsWith('/') ? url : `${url}/`;
}
