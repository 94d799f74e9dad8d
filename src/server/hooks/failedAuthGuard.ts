/**
 * Slows down credential guessing without locking anyone out: refused credentials are counted
 * per client IP address in Redis (store/limitBuckets.ts, shared by replicas), and once an
 * address has used up `failedAuthAttempts` in the window, its further *refused* attempts are
 * answered 429 instead of 401. A valid credential is checked and served from any address, so
 * someone else's failures behind the same proxy never lock out a real client or the operator;
 * guessing stays infeasible because API tokens carry 256 random bits and the admin key at least
 * 128 (auth/adminKeyStrength.ts). Fails open like the rate limiter, on the same health signal
 * (store/storeHealth.ts): while Redis cannot be asked, a refused credential is answered 401 at
 * once, uncounted but for `almanac_failed_auth_unchecked_total`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimiterRes } from 'rate-limiter-flexible';
import { failOpen } from './failOpen.js';
import { refuseSpent, setRateLimitHeaders, type RateLimitOptions } from './rateLimitHook.js';

export interface FailedAuthGuard {
  /**
   * Counts one refused attempt against the request's address and says where it stands; when
   * the address is past its budget, answers 429 and returns true (the caller answers 401 otherwise).
   */
  refuse(request: FastifyRequest, reply: FastifyReply): Promise<boolean>;
}

export function createFailedAuthGuard({ buckets, config, health, registry }: RateLimitOptions): FailedAuthGuard | null {
  if (!config.enabled) return null;
  const points = config.failedAuthAttempts;
  const limiter = buckets.failedAuthCounts(points, config.durationSeconds);
  const unchecked = failOpen({
    registry,
    name: 'almanac_failed_auth_unchecked_total',
    help: 'Refused credentials answered 401 without being counted against their address because Redis could not be asked.',
    warning: 'refused credential not counted: Redis unavailable (fail open)',
  });
  return {
    async refuse(request, reply) {
      let state: RateLimiterRes;
      try {
        state = await health.run(() => limiter.penalty(request.ip, 1));
      } catch (error) {
        unchecked(request, error);
        return false;
      }
      if (state.consumedPoints <= points) {
        setRateLimitHeaders(reply, points, config.durationSeconds, state);
        return false;
      }
      const spent = `too many refused credentials from this address: ${points} per ${config.durationSeconds} s`;
      await refuseSpent(request, reply, points, config.durationSeconds, state, spent);
      return true;
    },
  };
}
