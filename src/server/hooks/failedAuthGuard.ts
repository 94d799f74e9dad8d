/**
 * Slows down credential guessing: refused credentials are counted per client IP address in
 * Redis (store/limitBuckets.ts, shared by replicas), and once an address has used up `failedAuthAttempts` in the
 * window, every request from it that carries credentials is answered 429 — before any lookup,
 * so a correct guess from a blocked address is refused too. Fails open like the rate limiter:
 * if Redis cannot be asked, credentials are checked as usual.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LimitsConfig } from '../../config/schema.js';
import type { LimitBuckets } from '../../store/limitBuckets.js';
import { limitResponse } from '../limits/limitResponse.js';
import { setRateLimitHeaders } from './rateLimitHook.js';

export interface FailedAuthGuard {
  /** Answers 429 and returns true when the request's address may not try credentials now. */
  refuseIfBlocked(request: FastifyRequest, reply: FastifyReply): Promise<boolean>;
  /** Counts one refused attempt against the request's address, and says where it stands. */
  recordFailure(request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

export function createFailedAuthGuard(
  buckets: LimitBuckets,
  config: LimitsConfig['rateLimit'],
): FailedAuthGuard | null {
  if (!config.enabled) return null;
  const points = config.failedAuthAttempts;
  const limiter = buckets.failedAuthCounts(points, config.durationSeconds);
  return {
    async refuseIfBlocked(request, reply) {
      const state = await limiter.get(request.ip).catch(() => null);
      if (!state || state.consumedPoints < points) return false;
      const retryAfter = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
      setRateLimitHeaders(reply, points, config.durationSeconds, state);
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
    async recordFailure(request, reply) {
      try {
        setRateLimitHeaders(reply, points, config.durationSeconds, await limiter.penalty(request.ip, 1));
      } catch (error) {
        request.log.warn({ err: error }, 'could not count a refused credential');
      }
    },
  };
}
