import type { Resolvers } from '../generated/resolvers.js';

export const serverInfoResolvers: Resolvers = {
  Query: {
    serverInfo: (_parent, _args, { services }) => services.serverInfo.info(),
  },
};
