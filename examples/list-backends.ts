// Lists Almanac's backends and their health with the typed client generated from the schema.
// Run it against a running gateway:  npx tsx examples/list-backends.ts
// Settings: ALMANAC_URL (default http://127.0.0.1:4000/graphql), ALMANAC_TOKEN (an API token).
import { graphql } from '../src/client/generated/index.js';
import { request } from '../src/client/request.js';

const BackendsQuery = graphql(`
  query ListBackends {
    backends {
      id
      kind
      health {
        ok
        latencyMs
        error
      }
    }
  }
`);

const url = process.env.ALMANAC_URL ?? 'http://127.0.0.1:4000/graphql';
const { backends } = await request(url, BackendsQuery, {}, { token: process.env.ALMANAC_TOKEN });

for (const backend of backends) {
  // `backend.kind` is typed 'PROMETHEUS' | 'NATIVE'; `health.latencyMs` is number | null.
  const state = backend.health.ok ? `ok in ${backend.health.latencyMs} ms` : `DOWN: ${backend.health.error}`;
  console.log(`${backend.id}\t${backend.kind}\t${state}`);
}
