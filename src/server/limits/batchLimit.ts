/**
 * `limits.maxBatchSize`: a batched request (a JSON array of operations, which Apollo Server
 * runs one after another) may hold at most this many operations. Checked in a preHandler of
 * `/graphql`, after the body is parsed and before Apollo sees it, so an oversized batch costs
 * nothing but its parse. Each operation of a batch is still held to the query limits.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { limitResponse } from './limitResponse.js';

export function batchSizeLimit(maxBatchSize: number) {
  return async function checkBatchSize(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> {
    if (!Array.isArray(request.body) || request.body.length <= maxBatchSize) return;
    const size = request.body.length;
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
