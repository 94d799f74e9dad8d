/**
 * Rate limits per client, counted in Redis (store/limitBuckets.ts, rate-limiter-flexible's
 * fixed window) so every replica draws on one budget: `limits.rateLimit.points` requests per
 * window for each API token, JWT subject and the operator, `anonymousPoints` per IP address for
 * requests without credentials. Every limited response says where the client stands (`RateLimit-*` headers);
 * past the budget the answer is 429 with `Retry-After`. The hook limits the contexts it is
 * registered in (the API and GraphiQL, httpServer.ts); probes and scrapes are registered beside
 * them, never limited, and their answers carry no RateLimit headers.
 *
 * Runs as an onRequest hook after authentication, which sets `request.scope`. Requests the
 * authentication hook refuses never get here; guessing credentials is limited separately
 * (failedAuthGuard.ts).
 *
 * The one rule: the limiter fails open. When Redis cannot be asked (store/storeHealth.ts: down,
 * or silent for a moment) the request is served unchecked at once, counted in
 * `almanac_rate_limit_unchecked_total` and logged (failOpen.ts) — an outage of the store must
 * not become an outage of every read.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Registry } from 'prom-client';
import { RateLimiterRes, type RateLimiterRedis } from 'rate-limiter-flexible';
import type { RequestScope } from '../../auth/principal.js';
import type { LimitsConfig } from '../../config/schema.js';
import type { LimitBuckets } from '../../store/limitBuckets.js';
import type { StoreHealth } from '../../store/storeHealth.js';
import { limitResponse } from '../limits/limitResponse.js';
import type {} from '../requestScope.js';
import { failOpen } from './failOpen.js';

/** What the limit hooks (this one and failedAuthGuard.ts) are built from. */
export interface RateLimitOptions {
  buckets: LimitBuckets;
  config: LimitsConfig['rateLimit'];
  /** Whether the store can be asked now; while it cannot, the hooks fail open at once. */
  health: StoreHealth;
  /** Where the unchecked-requests counter is registered (served on /metrics). */
  registry: Registry;
}

export interface RateLimitKey {
  key: string;
  anonymous: boolean;
}

/** Whose budget a request draws on: its principal's, or its IP address's when it has none. */
export function rateLimitKey(scope: RequestScope | null | undefined, ip: string): RateLimitKey {
  const principal = scope?.principal;
  if (principal?.kind === 'operator') return { key: 'operator', anonymous: false };
  if ((principal?.kind === 'token' || principal?.kind === 'jwt') && principal.id !== null) {
    return { key: `${principal.kind}:${principal.id}`, anonymous: false };
  }
  return { key: `ip:${ip}`, anonymous: true };
}

/** Draws requests from per-client budgets in Redis. */
export interface RateLimiter {
  /**
   * Takes one request from `key`'s budget and sets the RateLimit headers. When the budget is
   * spent it answers 429 itself and returns false; the caller must then stop.
   */
  take(request: FastifyRequest, reply: FastifyReply, key: RateLimitKey, requests?: number): Promise<boolean>;
}

/** The limiter for `config`, or null when rate limiting is off. */
export function createRateLimiter({ buckets, config, health, registry }: RateLimitOptions): RateLimiter | null {
  if (!config.enabled) return null;
  const limiter = (points: number): RateLimiterRedis => buckets.requestBudgets(points, config.durationSeconds);
  const authenticated = limiter(config.points);
  const anonymous = limiter(config.anonymousPoints);
  const unchecked = failOpen({
    registry,
    name: 'almanac_rate_limit_unchecked_total',
    help: 'Requests served without a rate-limit check because Redis could not be asked (the limiter fails open).',
    warning: 'rate limit not checked: Redis unavailable, request served (fail open)',
  });

  return {
    async take(request, reply, { key, anonymous: isAnonymous }, requests = 1) {
      const budget = isAnonymous ? anonymous : authenticated;
      let result: RateLimiterRes;
      try {
        result = await health.run(() => budget.consume(key, requests));
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) {
          unchecked(request, error);
          return true;
        }
        refuseSpent(request, reply, budget.points, config.durationSeconds, error);
        return false;
      }
      setRateLimitHeaders(reply, budget.points, config.durationSeconds, result);
      return true;
    },
  };
}

/** Limits every request of the context, by the budget of its principal (or IP). */
export function registerRateLimitHook(app: FastifyInstance, limiter: RateLimiter | null): void {
  if (!limiter) return;
  app.addHook('onRequest', async (request, reply) => {
    if (!(await limiter.take(request, reply, rateLimitKey(request.scope, request.ip)))) return reply;
  });
}

/** The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers), reset in seconds. */
export function setRateLimitHeaders(
  reply: FastifyReply,
  points: number,
  windowSeconds: number,
  result: RateLimiterRes,
): void {
  reply.header('ratelimit-limit', points);
  reply.header('ratelimit-remaining', result.remainingPoints);
  reply.header('ratelimit-reset', secondsUntil(result.msBeforeNext));
  reply.header('ratelimit-policy', `${points};w=${windowSeconds}`);
}

/**
 * Answers 429 for a spent budget of `points` per `windowSeconds`, with RateLimit headers and
 * Retry-After; `what` says what was spent ("rate limit of 1200 requests per 60 s exceeded").
 */
export function refuseSpent(
  request: FastifyRequest,
  reply: FastifyReply,
  points: number,
  windowSeconds: number,
  result: RateLimiterRes,
  what = `rate limit of ${points} requests per ${windowSeconds} s exceeded`,
): FastifyReply {
  const retryAfter = secondsUntil(result.msBeforeNext);
  setRateLimitHeaders(reply, points, windowSeconds, result);
  return reply
    .code(429)
    .header('retry-after', retryAfter)
    .send(
      limitResponse(request, `${what}; retry after ${retryAfter} s`, 'RATE_LIMITED', {
        limit: points,
        windowSeconds,
        retryAfterSeconds: retryAfter,
      }),
    );
}

/** Whole seconds, at least 1: a client told "0" would retry at once and be refused again. */
function secondsUntil(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
