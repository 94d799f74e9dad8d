import type { Resolvers } from '../generated/resolvers.js';
import { shippedKind } from './enumResolvers.js';

export const backendResolvers: Resolvers = {
  Query: {
    backends: (_parent, _args, { services }) => services.backends.list(),
    backend: (_parent, { id }, { services }) => services.backends.find(id) ?? null,
  },
  Backend: {
    kind: (backend) => shippedKind(backend.kind),
    health: (backend, _args, { services }) => services.backends.health(backend),
    circuit: (backend) => backend.circuit ?? null,
  },
};
