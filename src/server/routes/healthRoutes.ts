/**
 * `/healthz`: the process is up and serving. `/readyz`: every backend is healthy (its cached
 * health, services/backendHealth.ts); otherwise 503.
 *
 * The rule: what `/readyz` shows depends on who asks, and asking never fails on credentials.
 * Callers without the operator's ADMIN_API_KEY — orchestrators' probes, tokens of any role,
 * invalid credentials — get only whether each backend is ready: no host, port or upstream error
 * text. The operator key gets each backend's kind, latency, error (its class) and detail (the
 * failure's own text, which may name hosts and ports), and when it was checked. Only the key is
 * recognised here, compared in constant time: an unauthenticated, unlimited probe route must
 * not make a store lookup or a JWT check per call, nor answer a token guess differently.
 */
import type { FastifyInstance } from 'fastify';
import type { Authenticator } from '../../auth/authenticator.js';
import type { BackendReadiness, BackendService } from '../../services/backendService.js';

export function registerHealthRoutes(
  app: FastifyInstance,
  backends: BackendService,
  authenticator: Authenticator,
): void {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    const results = await backends.readiness();
    const ready = results.every((result) => result.health.ok);
    const body = authenticator.isOperatorKey(request.headers.authorization)
      ? detailed(ready, results)
      : masked(ready, results);
    return reply.code(ready ? 200 : 503).send(body);
  });
}

function masked(ready: boolean, results: BackendReadiness[]) {
  return { ready, backends: Object.fromEntries(results.map(({ id, health }) => [id, health.ok])) };
}

function detailed(ready: boolean, results: BackendReadiness[]) {
  return {
    ready,
    notReady: results.filter((result) => !result.health.ok).map((result) => result.id),
    backends: results.map(({ id, kind, health }) => ({
      id,
      kind,
      ok: health.ok,
      latencyMs: health.latencyMs,
      error: health.error,
      detail: health.detail,
      checkedAt: health.checkedAt.toISOString(),
    })),
  };
}
