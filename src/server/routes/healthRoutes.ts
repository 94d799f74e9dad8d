/**
 * `/healthz`: the process is up and serving. `/readyz`: every backend is healthy (its cached
 * health, services/backendHealth.ts); otherwise 503.
 *
 * The rule: what `/readyz` shows depends on who asks, and asking never fails on credentials.
 * Anonymous callers — orchestrators' probes, and any caller whose credentials are not an
 * admin's, invalid ones included — get only whether each backend is ready: no host, port or
 * upstream error text. An admin (the operator's ADMIN_API_KEY, or a token or JWT with the admin
 * role) gets each backend's kind, latency, error (its class) and detail (the failure's own
 * text, which may name hosts and ports), and when it was checked.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authenticator } from '../../auth/authenticator.js';
import { hasRole } from '../../auth/principal.js';
import { UnauthenticatedError } from '../../errors.js';
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
    const body = (await askedByAdmin(request, authenticator)) ? detailed(ready, results) : masked(ready, results);
    return reply.code(ready ? 200 : 503).send(body);
  });
}

/** Whether the request carries an admin's credentials; anything else, refused ones too, is anonymous. */
async function askedByAdmin(request: FastifyRequest, authenticator: Authenticator): Promise<boolean> {
  if (request.headers.authorization === undefined) return false;
  try {
    return hasRole(await authenticator.authenticate(request.headers.authorization), 'admin');
  } catch (error) {
    // Refused credentials are the caller's business; a lookup that failed is the gateway's.
    if (!(error instanceof UnauthenticatedError)) request.log.warn({ err: error }, 'readiness credentials not checked');
    return false;
  }
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
