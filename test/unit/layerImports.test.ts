/**
 * The layer rule of eslint.config.js fires: code above the backend interface that reaches into a
 * backend's own folder fails the lint, and the interface itself stays allowed; the record
 * modules of store/ import no backend, service, transport or resolver at all.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restricted(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((message) => message.message);
}

describe('imports across the layers', () => {
  it.each([
    ['src/services/example.ts', "import type { NativeBackend } from '../backends/native/nativeBackend.js';"],
    ['src/services/usage/example.ts', "import { lowerTags } from '../../backends/prometheus/promResult.js';"],
    [
      'src/graphql/resolvers/example.ts',
      "import type { CounterMode } from '../../backends/prometheus/prometheusSeries.js';",
    ],
    ['src/server/example.ts', "import { unavailable } from '../backends/backendFailure.js';"],
    ['src/services/example.ts', "import { createBackend } from '../backends/backendKinds.js';"],
    ['src/auth/example.ts', "import type { TokenService } from '../services/tokenService.js';"],
    ['src/domain/example.ts', "import type { Backend } from '../backends/backend.js';"],
    ['src/store/example.ts', "import type { Backend } from '../backends/backend.js';"],
    ['src/store/example.ts', "import { SeriesStore } from '../backends/native/seriesStore.js';"],
    ['src/store/example.ts', "import type { TokenService } from '../services/tokenService.js';"],
    ['src/store/example.ts', "import { limitResponse } from '../server/limits/limitResponse.js';"],
    ['src/store/example.ts', "import type { GraphQLContext } from '../graphql/context.js';"],
  ])('%s may not say %s', async (filePath, source) => {
    expect(await restricted(filePath, `${source}\nexport {};\n`)).toHaveLength(1);
  });

  it.each([
    ['src/services/example.ts', "import type { Backend } from '../backends/backend.js';"],
    ['src/services/example.ts', "import type { BackendRegistry } from '../backends/backendRegistry.js';"],
    ['src/backends/native/example.ts', "import { unavailable } from '../backendFailure.js';"],
    ['src/store/example.ts', "import type { RedisConnection } from '../redis/redisConnection.js';"],
    ['src/store/example.ts', "import { isRawField } from '../domain/operationalMetricsTree.js';"],
  ])('%s may say %s', async (filePath, source) => {
    expect(await restricted(filePath, `${source}\nexport {};\n`)).toEqual([]);
  });
});
