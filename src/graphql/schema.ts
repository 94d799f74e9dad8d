/**
 * The executable schema: the SDL files in `schema/` (the contract) joined with the
 * resolvers of each domain.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { applyAuthDirective } from './authDirective.js';
import type { Resolvers } from './generated/resolvers.js';
import { authResolvers } from './resolvers/authResolvers.js';
import { calendarResolvers } from './resolvers/calendarResolvers.js';
import { enumResolvers } from './resolvers/enumResolvers.js';
import { promqlResolvers } from './resolvers/promqlResolvers.js';
import { measurementResolvers } from './resolvers/measurementResolvers.js';
import { metricResolvers } from './resolvers/metricResolvers.js';
import { seriesResolvers } from './resolvers/seriesResolvers.js';
import { backendResolvers } from './resolvers/backendResolvers.js';
import { operationalMetricsResolvers } from './resolvers/operationalMetricsResolvers.js';
import { scalarResolvers } from './resolvers/scalarResolvers.js';
import { serverInfoResolvers } from './resolvers/serverInfoResolvers.js';
import { usageResolvers } from './resolvers/usageResolvers.js';

const schemaDir = new URL('../../schema/', import.meta.url);

/** The SDL, one document per domain file, in a stable order. */
export function loadTypeDefs(): string[] {
  return readdirSync(schemaDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(new URL(file, schemaDir), 'utf8'));
}

export const resolvers: Resolvers[] = [
  scalarResolvers,
  enumResolvers,
  serverInfoResolvers,
  backendResolvers,
  authResolvers,
  operationalMetricsResolvers,
  measurementResolvers,
  seriesResolvers,
  metricResolvers,
  calendarResolvers,
  promqlResolvers,
  usageResolvers,
];

/** The schema Apollo serves: SDL + resolvers, with `@auth` enforced on every field that declares it. */
export function buildSchema(): GraphQLSchema {
  return applyAuthDirective(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers }));
}
