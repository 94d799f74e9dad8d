/**
 * The Perseo reference's metrics API over REST:
 *   GET    /admin/metrics              the tree, `{ services: {...}, sum: {...} }`
 *   GET    /admin/metrics?reset=true   the tree, read and reset in one atomic step
 *   DELETE /admin/metrics              reset, 204
 * The operator sees and resets every service; a tenant's admin only its own. Who may do what
 * is the service's rule; this module only speaks HTTP. Registered under the API's `/admin`
 * prefix (httpServer.ts), so its paths here are `/metrics`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toReferenceJson } from '../../domain/operationalMetricsTree.js';
import { AlmanacError, BackendUnavailableError, ForbiddenError, UserInputError } from '../../errors.js';
import type { OperationalMetricsService } from '../../services/operationalMetricsService.js';
import { sendError } from '../hooks/authenticationHook.js';

export function registerAdminMetricsRoutes(app: FastifyInstance, metrics: OperationalMetricsService): void {
  // No automatic HEAD route: a HEAD ?reset=true would reset and show nothing.
  app.get('/metrics', { exposeHeadRoute: false }, (request, reply) =>
    answer(request, reply, async () => {
      const reset = wantsReset(request.query);
      if (reset) refuseCrossSite(request);
      const tree = reset ? await metrics.readAndReset(request.scope) : await metrics.read(request.scope);
      return reply.send(toReferenceJson(tree));
    }),
  );

  app.delete('/metrics', (request, reply) =>
    answer(request, reply, async () => {
      await metrics.reset(request.scope);
      return reply.code(204).send();
    }),
  );
}

/**
 * A GET that changes state is what the reference specifies, so it must not be triggerable by
 * another site's page (an <img> pointing here, with credentials a browser remembered).
 */
function refuseCrossSite(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    throw new ForbiddenError(
      'a reset may not be triggered by another site; use DELETE /admin/metrics or send the request directly',
      {
        header: 'Sec-Fetch-Site',
      },
    );
  }
}

/** `?reset=true` or `?reset=false`; anything else is a mistake worth saying so. */
function wantsReset(query: unknown): boolean {
  const reset = (query as Record<string, unknown> | undefined)?.reset;
  if (reset === undefined || reset === 'false') return false;
  if (reset === 'true') return true;
  throw new UserInputError(`query parameter reset must be "true" or "false", got ${JSON.stringify(reset)}`, {
    parameter: 'reset',
  });
}

/**
 * Runs a handler; Almanac's typed errors become their status and the usual error body. Anything
 * else is the store failing: logged with the request id, answered 503 without its details.
 */
async function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  handle: () => Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return await handle();
  } catch (error) {
    if (error instanceof AlmanacError) return sendError(request, reply, error);
    request.log.error({ err: error, requestId: request.id }, 'operational metrics: store failed');
    return sendError(
      request,
      reply,
      new BackendUnavailableError('store', 'operational metrics cannot be read right now'),
    );
  }
}
