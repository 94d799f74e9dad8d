/**
 * The answer to a request that matches no route, the same as Fastify's default 404. The route
 * families with a prefix set it for their prefix (httpServer.ts), so a stray request under
 * `/graphql`, `/v1/`, `/admin/` or `/graphiql/` goes through its family's hooks — credentials,
 * rate limit, usage — as the family's routes do; any other path gets Fastify's own default in
 * the root context, which has none of them. Not logged here: the request line says 404.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.code(404).send({
    message: `Route ${request.method}:${request.url} not found`,
    error: 'Not Found',
    statusCode: 404,
  });
}
