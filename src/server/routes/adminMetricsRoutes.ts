/**
 * The Perseo reference's metrics API over REST:
 *   GET    /admin/metrics              the tree, `{ services: {...}, sum: {...} }`
 *   GET    /admin/metrics?reset=true   the tree, read and reset in one atomic step
 *   DELETE /admin/metrics              reset, 204
 * The operator sees and resets every service; a tenant's admin only its own. Who may do what
 * is the service's rule; this module only speaks HTTP.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toReferenceJson } from '../../domain/operationalMetricsTree.js';
import { AlmanacError, BackendUnavailableError, UserInputError } from '../../errors.js';
import type { OperationalMetricsService } from '../../services/operationalMetricsService.js';
import { sendError } from '../hooks/authenticationHook.js';

export function registerAdminMetricsRoutes(app: FastifyInstance, metrics: OperationalMetricsService): void {
  app.get('/admin/metrics', (request, reply) =>
    answer(request, reply, async () => {
      const tree = wantsReset(request.query)
        ? await metrics.readAndReset(request.scope)
        : await metrics.read(request.scope);
      return reply.send(toReferenceJson(tree));
    }),
  );

  app.delete('/admin/metrics', (request, reply) =>
    answer(request, reply, async () => {
      await metrics.reset(request.scope);
      return reply.code(204).send();
    }),
  );
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
