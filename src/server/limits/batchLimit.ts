/**
 * `limits.maxBatchSize`: a batched request (a JSON array of operations, which graphqlHandler.ts
 * runs side by side) may hold at most this many operations. Checked in a preHandler of
 * `/graphql`, after the body is parsed and before Apollo sees it, so an oversized batch costs
 * nothing but its parse. Each operation of a batch is still held to the query limits.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { rateLimitKey, type RateLimiter } from '../hooks/rateLimitHook.js';
import { limitResponse } from './limitResponse.js';

export function batchSizeLimit(maxBatchSize: number, rateLimiter: RateLimiter | null) {
  return async function checkBatchSize(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> {
    if (!Array.isArray(request.body)) return;
    const size = request.body.length;
    if (size <= maxBatchSize) {
      // Each operation of a batch is a request to the budget; the hook took one already.
      if (
        size > 1 &&
        rateLimiter &&
        !(await rateLimiter.take(request, reply, rateLimitKey(request.scope, request.ip), size - 1))
      ) {
        return reply;
      }
      return;
    }
    return reply
      .code(400)
      .send(
        limitResponse(
          request,
          `Batch of ${size} operations exceeds the limit of ${maxBatchSize} (limits.maxBatchSize).`,
          'BAD_REQUEST',
          { limit: 'maxBatchSize', max: maxBatchSize, actual: size },
        ),
      );
  };
}
