/**
 * The executable schema: the SDL files in `schema/` (the contract) joined with the
 * resolvers of each domain.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Resolvers } from './generated/resolvers.js';
import { backendResolvers } from './resolvers/backendResolvers.js';
import { scalarResolvers } from './resolvers/scalarResolvers.js';
import { serverInfoResolvers } from './resolvers/serverInfoResolvers.js';

const schemaDir = new URL('../../schema/', import.meta.url);

/** The SDL, one document per domain file, in a stable order. */
export function loadTypeDefs(): string[] {
  return readdirSync(schemaDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(new URL(file, schemaDir), 'utf8'));
}

export const resolvers: Resolvers[] = [scalarResolvers, serverInfoResolvers, backendResolvers];
