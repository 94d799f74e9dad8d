/** What every resolver receives: the request's id and logger, and the services. */
import type { FastifyBaseLogger } from 'fastify';
import type { Services } from '../services/services.js';

export interface GraphQLContext {
  requestId: string;
  logger: FastifyBaseLogger;
  services: Services;
}
