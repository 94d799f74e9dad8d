/**
 * `/graphiql`: GraphiQL served entirely from files installed with Almanac (the `graphiql`
 * package's UMD build, React's UMD builds, and Almanac's own page), never from a CDN, so it
 * works on a machine with no internet. Only the files listed here are served. Registered under
 * the `/graphiql` prefix (httpServer.ts), so the page's path here is the prefix itself.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));
const ownAssets = fileURLToPath(new URL('../../../assets/graphiql/', import.meta.url));

const ASSETS: Record<string, { file: string; type: string }> = {
  'react.production.min.js': {
    file: join(packageDir('react'), 'umd/react.production.min.js'),
    type: 'text/javascript',
  },
  'react-dom.production.min.js': {
    file: join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
  'graphiql.min.js': { file: join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.min.css': { file: join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
  'almanac-graphiql.js': { file: join(ownAssets, 'almanac-graphiql.js'), type: 'text/javascript' },
  'almanac.css': { file: join(ownAssets, 'almanac.css'), type: 'text/css' },
};

/** Scripts and styles from this origin only; GraphiQL's styles set some inline. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'";

export function registerGraphiqlRoute(app: FastifyInstance): void {
  // Read once at start: a missing file fails the start, not a user's page load.
  const page = readFileSync(join(ownAssets, 'index.html'));
  const files = new Map(
    Object.entries(ASSETS).map(([name, { file, type }]) => [name, { body: readFileSync(file), type }]),
  );

  app.get('', async (_request, reply) =>
    reply
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(page),
  );
  app.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
    const asset = files.get(request.params.name);
    if (!asset) return reply.code(404).type('text/plain').send('Not found');
    return reply.header('cache-control', 'public, max-age=86400').type(`${asset.type}; charset=utf-8`).send(asset.body);
  });
}
