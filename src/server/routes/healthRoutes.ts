/**
 * `/healthz`: the process is up and serving. `/readyz`: every backend answered a live probe;
 * otherwise 503, with JSON saying which backend is not ready and why.
 */
import type { FastifyInstance } from 'fastify';
import type { BackendService } from '../../services/backendService.js';

export function registerHealthRoutes(app: FastifyInstance, backends: BackendService): void {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const results = await backends.readiness();
    const notReady = results.filter((result) => !result.health.ok).map((result) => result.id);
    const body = {
      ready: notReady.length === 0,
      notReady,
      backends: results.map(({ id, kind, health }) => ({
        id,
        kind,
        ok: health.ok,
        latencyMs: health.latencyMs,
        error: health.error,
      })),
    };
    return reply.code(body.ready ? 200 : 503).send(body);
  });
}
