import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql ships CommonJS and ESM builds. Node (and so Apollo and graphql-tools, which vitest
    // leaves to Node) loads the CommonJS one; Vite would pick the ESM one for our sources. Two
    // copies of graphql cannot share a schema, so tests use the one Node uses in production.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          // One real redis-server and prometheus for the whole run, on free loopback ports.
          globalSetup: ['test/harness/globalSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-cluster',
          // The integration tests again, with a 3-node Redis Cluster in place of the one
          // redis-server: every key layout, script and transaction must hold on a cluster.
          include: ['test/integration/**/*.test.ts', 'test/e2e/ingestDurability.test.ts'],
          globalSetup: ['test/harness/globalSetupCluster.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
