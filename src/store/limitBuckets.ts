/**
 * Limit buckets in Redis: the rate-limit budgets of clients and the refused-credential counts of
 * addresses, counted by rate-limiter-flexible's fixed windows so that every replica draws on one
 * budget. The hooks (server/hooks/rateLimitHook.ts, failedAuthGuard.ts) decide who draws on
 * which budget and what a spent one means; this module owns where the buckets are.
 *
 * Redis (rate-limiter-flexible makes one key per client and window, under a prefix):
 *   store.globalKey('ratelimit') + ':' + client   a client's request budget
 *   store.globalKey('authfail') + ':' + address   an address's refused credentials
 *
 * The rule: the prefixes are the data's identity; a bucket under another prefix would give
 * every client a fresh budget on the next deploy.
 */
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { Store } from './store.js';

export class LimitBuckets {
  constructor(private readonly store: Store) {}

  /** Request budgets of `points` per window of `durationSeconds`, one per client key. */
  requestBudgets(points: number, durationSeconds: number): RateLimiterRedis {
    // A client over its budget is refused from memory until its window ends, sparing Redis.
    return this.buckets('ratelimit', points, durationSeconds, { inMemoryBlockOnConsumed: points + 1 });
  }

  /** Refused credentials, `points` per window of `durationSeconds`, one count per address. */
  failedAuthCounts(points: number, durationSeconds: number): RateLimiterRedis {
    return this.buckets('authfail', points, durationSeconds);
  }

  private buckets(
    kind: 'ratelimit' | 'authfail',
    points: number,
    duration: number,
    options: { inMemoryBlockOnConsumed?: number } = {},
  ): RateLimiterRedis {
    return new RateLimiterRedis({
      storeClient: this.store.redis,
      keyPrefix: this.store.globalKey(kind),
      points,
      duration,
      ...options,
    });
  }
}
