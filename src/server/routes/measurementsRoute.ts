/**
 * `POST /v1/measurements`: the AppOptics reference's ingest endpoint, same payload and same
 * answer — 202 with `measurements.summary` and `errors` when at least one measurement was
 * accepted (plus `x-partial-failure` when some failed), 400 when all were rejected.
 * Needs a recorder (or admin) token, like `submitMeasurements`. Registered under the API's `/v1`
 * prefix (httpServer.ts), so its path here is `/measurements`.
 */
import type { FastifyInstance } from 'fastify';
import { AlmanacError } from '../../errors.js';
import { authorize } from '../../graphql/authDirective.js';
import type { IngestService } from '../../services/ingestService.js';
import { sendError } from '../hooks/authenticationHook.js';

export function registerMeasurementsRoute(app: FastifyInstance, ingest: IngestService): void {
  app.post('/measurements', async (request, reply) => {
    try {
      authorize(request.scope, 'RECORDER', 'POST /v1/measurements');
      const scope = request.scope;
      if (!scope) return reply; // authorize refused it already
      const { summary, errors } = await ingest.submit(scope, request.body, request.headers['user-agent']);
      const rejected = summary.accepted === 0 && summary.failed > 0;
      if (summary.failed > 0 && !rejected) reply.header('x-partial-failure', 'true');
      return reply.code(rejected ? 400 : 202).send({ measurements: { summary }, errors });
    } catch (error) {
      if (error instanceof AlmanacError) return sendError(request, reply, error);
      throw error;
    }
  });
}
