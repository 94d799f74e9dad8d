/**
 * Authenticates every request of the context it is registered in — the API family, see
 * httpServer.ts; probes, `/metrics` and GraphiQL are registered beside it and never get here —
 * before its body is read: bad or revoked credentials get 401, a Fiware-Service naming another
 * tenant 403, a malformed tenant header 400. On success `request.scope` is set, and the handler
 * runs inside the scope's AsyncLocalStorage so work it causes can be attributed to it.
 *
 * Secure default: while the gateway listens on a non-loopback address, requests without
 * credentials get 401.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Authenticator } from '../../auth/authenticator.js';
import type { Principal } from '../../auth/principal.js';
import { readTenantHeaders, resolveScope } from '../../auth/tenancy.js';
import { AlmanacError, BackendUnavailableError, httpStatusOf, UnauthenticatedError } from '../../errors.js';
import { logBackendFailure } from '../backendFailureLog.js';
import { scopeStorage } from '../requestScope.js';
import type { FailedAuthGuard } from './failedAuthGuard.js';
import { rateLimitKey, type RateLimiter } from './rateLimitHook.js';

export interface AuthenticationOptions {
  authenticator: Authenticator;
  /** False when anonymous requests are refused (non-loopback listener, or configured so). */
  allowAnonymous: boolean;
  /** Counts refused credentials per address and answers 429 to addresses that guess too much. */
  failedAuth: FailedAuthGuard | null;
  /** Charges requests refused after authentication (bad tenant headers) to their principal. */
  rateLimiter: RateLimiter | null;
}

export function registerAuthenticationHook(
  app: FastifyInstance,
  { authenticator, allowAnonymous, failedAuth, rateLimiter }: AuthenticationOptions,
): void {
  app.addHook('onRequest', async (request, reply) => {
    let principal: Principal | undefined;
    try {
      principal = await authenticator.authenticate(request.headers.authorization);
      if (principal.kind === 'anonymous') {
        if (!allowAnonymous)
          throw new UnauthenticatedError('credentials are required: send Authorization: Bearer <API token>');
        return;
      }
      request.scope = resolveScope(
        principal,
        readTenantHeaders(request.headers['fiware-service'], request.headers['fiware-servicepath']),
      );
    } catch (error) {
      const refusal = asAlmanacError(error, request);
      // Every answer says where the client stands with its budget: refused credentials with
      // the address's, a refused tenant header with the principal's.
      if (refusal.code === 'UNAUTHENTICATED' && request.headers.authorization !== undefined) {
        if (await failedAuth?.refuse(request, reply)) return reply;
      } else if (principal && principal.kind !== 'anonymous' && rateLimiter) {
        const scope = { principal, tenant: principal.tenant, subservice: '/' };
        if (!(await rateLimiter.take(request, reply, rateLimitKey(scope, request.ip)))) return reply;
      }
      return sendError(request, reply, refusal);
    }
  });

  // Entered after the body is parsed: stream events of the parser run outside the request's
  // async context, so entering any earlier would lose the scope before the handler runs.
  app.addHook('preHandler', (request, _reply, done) => {
    if (request.scope) scopeStorage.run(request.scope, done);
    else done();
  });
}

function asAlmanacError(error: unknown, request: FastifyRequest): AlmanacError {
  if (error instanceof AlmanacError) return error;
  request.log.error({ err: error }, 'authentication failed: store unreachable');
  return new BackendUnavailableError('store', 'credentials cannot be checked right now');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AlmanacError): FastifyReply {
  logBackendFailure(request.log, error, undefined);
  // Bearer only: a Basic challenge makes browsers prompt for and then replay credentials on
  // cross-site requests. Basic clients (curl -u, agents) send credentials unasked anyway.
  if (error.code === 'UNAUTHENTICATED') reply.header('www-authenticate', 'Bearer realm="almanac"');
  return reply.code(httpStatusOf[error.code]).send({
    errors: [{ message: error.message, extensions: { ...error.details, code: error.code, requestId: request.id } }],
  });
}
