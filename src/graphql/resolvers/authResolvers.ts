/** Tokens, environments and `viewer`: thin calls into the services, confined to the request's tenant. */
import { requireScope } from '../context.js';
import type { Resolvers } from '../generated/resolvers.js';

export const authResolvers: Resolvers = {
  Query: {
    viewer: (_parent, _args, { scope }) => scope,
    apiTokens: (_parent, { name }, context) => context.services.tokens.list(requireScope(context).tenant, name),
    apiToken: (_parent, { id }, context) => context.services.tokens.find(requireScope(context).tenant, id),
    environments: (_parent, { name }, context) =>
      context.services.environments.list(requireScope(context).tenant, name),
    environment: (_parent, { id }, context) => context.services.environments.find(requireScope(context).tenant, id),
  },
  Mutation: {
    createApiToken: (_parent, { input }, context) =>
      context.services.tokens.create(requireScope(context).tenant, input),
    updateApiToken: (_parent, { id, input }, context) =>
      context.services.tokens.update(requireScope(context).tenant, id, { ...input, role: input.role ?? null }),
    deleteApiToken: (_parent, { id }, context) => context.services.tokens.delete(requireScope(context).tenant, id),
    createEnvironment: (_parent, { name }, context) =>
      context.services.environments.create(requireScope(context).tenant, name),
    updateEnvironment: (_parent, { id, name }, context) =>
      context.services.environments.rename(requireScope(context).tenant, id, name),
    deleteEnvironment: async (_parent, { id }, context) => {
      const { tenant } = requireScope(context);
      const tokensUsing = await context.services.tokens.countInEnvironment(tenant, id);
      return context.services.environments.delete(tenant, id, tokensUsing);
    },
  },
  ApiToken: {
    environment: (token, _args, { services }) =>
      token.environmentId ? services.environments.find(token.tenant, token.environmentId) : null,
  },
  Viewer: {
    kind: (scope) => scope.principal.kind,
    name: (scope) => scope.principal.name,
    role: (scope) => scope.principal.role,
    environment: (scope) => scope.principal.environment,
  },
};
