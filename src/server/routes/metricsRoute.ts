/**
 * `/metrics`: Almanac's self-metrics in the Prometheus text format, behind HTTP Basic auth
 * as in the Octeth reference (user `admin`, password from `metricsToken`). Wrong or missing
 * credentials get 401 with the reference's text.
 */
import type { FastifyInstance } from 'fastify';
import { isMetricsAuthorized } from '../metricsToken.js';
import type { Telemetry } from '../telemetry.js';

export const UNAUTHORIZED_TEXT = 'You are not authorized to access this page.';

export function registerMetricsRoute(app: FastifyInstance, telemetry: Telemetry, token: () => string): void {
  app.get('/metrics', async (request, reply) => {
    if (!isMetricsAuthorized(request.headers.authorization, token())) {
      return reply
        .code(401)
        .header('www-authenticate', 'Basic realm="metrics", charset="UTF-8"')
        .type('text/plain; charset=utf-8')
        .send(UNAUTHORIZED_TEXT);
    }
    return reply.type(telemetry.contentType).send(await telemetry.exposition());
  });
}
