/**
 * The JSON body of a request refused by a transport limit, before GraphQL sees it (body size,
 * batch size, rate). Shaped like a GraphQL error response, so a GraphQL client shows the
 * message, and coded like every other Almanac error: `extensions.code` plus the limit's facts,
 * and `extensions.requestId`, the id in the logs.
 */
import type { FastifyRequest } from 'fastify';

export interface LimitResponseBody {
  errors: [{ message: string; extensions: Record<string, unknown> & { code: string; requestId: string } }];
}

export function limitResponse(
  request: FastifyRequest,
  message: string,
  code: string,
  facts: Record<string, unknown>,
): LimitResponseBody {
  return { errors: [{ message, extensions: { code, ...facts, requestId: request.id } }] };
}
