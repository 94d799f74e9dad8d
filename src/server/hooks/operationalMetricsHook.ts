/**
 * Counts every request of the API family (httpServer.ts) that has a scope (`request.scope`, set
 * by the authentication hook) as an incoming transaction of its service and subservice: the
 * request, its body and response sizes, whether it failed (HTTP status 400 or above), and how
 * long it took. Requests with no
 * scope — anonymous, or refused by authentication — are not counted, as the Perseo reference
 * ignores requests for invalid services. GraphQL errors inside a 200 response are counted by
 * plugins/operationalErrorsPlugin.ts.
 *
 * The rule: counting stays off the request path. It runs in onResponse, after the response was
 * sent, does not wait for Redis, and a failed write is logged with the request id, never thrown.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OperationalMetricsService } from '../../services/operationalMetricsService.js';

export function registerOperationalMetricsHook(app: FastifyInstance, metrics: OperationalMetricsService): void {
  app.addHook('onResponse', (request, reply, done) => {
    const scope = request.scope;
    if (scope) {
      metrics.recordMany(scope, incomingAmounts(request, reply)).catch((error: unknown) => {
        request.log.error({ err: error, requestId: request.id }, 'operational metrics: request not counted');
      });
    }
    done();
  });
}

function incomingAmounts(request: FastifyRequest, reply: FastifyReply) {
  return {
    incomingTransactions: 1,
    incomingTransactionRequestSize: byteCount(request.headers['content-length']),
    incomingTransactionResponseSize: byteCount(reply.getHeader('content-length')),
    incomingTransactionErrors: reply.statusCode >= 400 || request.graphqlFailed ? 1 : 0,
    serviceTime: reply.elapsedTime,
  };
}

/** A Content-Length header as a number of bytes; 0 when absent (no body, or one sent in chunks). */
function byteCount(header: unknown): number {
  const bytes = Number(header);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : 0;
}
