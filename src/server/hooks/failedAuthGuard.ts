/**
 * Slows down credential guessing without locking anyone out: refused credentials are counted
 * per client IP address in Redis (store/limitBuckets.ts, shared by replicas), and once an
 * address has used up `failedAuthAttempts` in the window, its further *refused* attempts are
 * answered 429 instead of 401. A valid credential is checked and served from any address, so
 * someone else's failures behind the same proxy never lock out a real client or the operator;
 * guessing stays infeasible because API tokens carry 256 random bits and the admin key at least
 * 128 (auth/adminKeyStrength.ts). Fails open like the rate limiter: if Redis cannot be asked,
 * a refused credential is answered 401 as usual.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimiterRes } from 'rate-limiter-flexible';
import type { LimitsConfig } from '../../config/schema.js';
import type { LimitBuckets } from '../../store/limitBuckets.js';
import { limitResponse } from '../limits/limitResponse.js';
import { setRateLimitHeaders } from './rateLimitHook.js';

export interface FailedAuthGuard {
  /**
   * Counts one refused attempt against the request's address and says where it stands; when
   * the address is past its budget, answers 429 and returns true (the caller answers 401 otherwise).
   */
  refuse(request: FastifyRequest, reply: FastifyReply): Promise<boolean>;
}

export function createFailedAuthGuard(
  buckets: LimitBuckets,
  config: LimitsConfig['rateLimit'],
): FailedAuthGuard | null {
  if (!config.enabled) return null;
  const points = config.failedAuthAttempts;
  const limiter = buckets.failedAuthCounts(points, config.durationSeconds);
  return {
    async refuse(request, reply) {
      let state: RateLimiterRes;
      try {
        state = await limiter.penalty(request.ip, 1);
      } catch (error) {
        request.log.warn({ err: error }, 'could not count a refused credential');
        return false;
      }
      setRateLimitHeaders(reply, points, config.durationSeconds, state);
      if (state.consumedPoints <= points) return false;
      const retryAfter = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
      await reply
        .code(429)
        .header('retry-after', retryAfter)
        .send(
          limitResponse(
            request,
            `too many refused credentials from this address: ${points} per ${config.durationSeconds} s; retry after ${retryAfter} s`,
            'RATE_LIMITED',
            { limit: points, windowSeconds: config.durationSeconds, retryAfterSeconds: retryAfter },
          ),
        );
      return true;
    },
  };
}
