import type { CircuitState, Resolvers } from '../generated/resolvers.js';

export const backendResolvers: Resolvers = {
  Query: {
    backends: (_parent, _args, { services }) => services.backends.list(),
    backend: (_parent, { id }, { services }) => services.backends.find(id) ?? null,
  },
  Backend: {
    kind: (backend) => (backend.kind === 'prometheus' ? 'PROMETHEUS' : 'NATIVE'),
    health: (backend, _args, { services }) => services.backends.health(backend),
    circuit: (backend) => (backend.circuit ? (backend.circuit.toUpperCase() as CircuitState) : null),
  },
};
