/**
 * `limits.maxBodyBytes`: Fastify's `bodyLimit` stops reading a request body past this many
 * bytes (and refuses a larger Content-Length before reading any of it). This error handler
 * turns Fastify's bare 413 into a coded one naming the limit; every other error goes on to
 * Fastify's default handler unchanged.
 */
import type { FastifyInstance } from 'fastify';
import { limitResponse } from './limitResponse.js';

export function registerBodyLimitResponse(app: FastifyInstance, maxBodyBytes: number): void {
  app.setErrorHandler((error: Error & { code?: string }, request, reply) => {
    if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
    return reply
      .code(413)
      .send(
        limitResponse(
          request,
          `Request body exceeds the limit of ${maxBodyBytes} bytes (limits.maxBodyBytes).`,
          'PAYLOAD_TOO_LARGE',
          { limit: 'maxBodyBytes', max: maxBodyBytes },
        ),
      );
  });
}
