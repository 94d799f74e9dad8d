/**
 * Runs the built `almanac` command (dist/cli.js) as a user would — itself, or through an npm
 * script of package.json — with Almanac's settings taken only from what the test passes, never
 * from the environment running the tests. Every process started is killed after each test.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, expect } from 'vitest';
import { freePort } from '../../src/stack/readiness.js';

const CLI = 'dist/cli.js';

export interface Started {
  child: ChildProcessWithoutNullStreams;
  url: string;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const running: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

const SETTINGS = new Set(['REDIS_URL', 'PROMETHEUS_URL', 'ALMANAC_CONFIG', 'ADMIN_API_KEY', 'HOST', 'PUBLIC_URL']);

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !SETTINGS.has(name));
  return { ...Object.fromEntries(inherited), LOG_LEVEL: 'warn', ...extra };
}

export function pidOf(started: Started): number {
  if (started.child.pid === undefined) throw new Error('the gateway process has no pid');
  return started.child.pid;
}

/** Starts `almanac <args>`; with `waitForBanner`, resolves once it listens. `PORT` may be given. */
export function startCli(args: string[], env: Record<string, string>, waitForBanner = true): Promise<Started> {
  return launch(process.execPath, [CLI, ...args], env, waitForBanner);
}

/** Starts `npm run <script>` (the npm on PATH) and resolves once the gateway it runs listens. */
export function startNpmScript(script: string, env: Record<string, string>): Promise<Started> {
  return launch('npm', ['run', script], env, true);
}

async function launch(
  command: string,
  args: string[],
  env: Record<string, string>,
  waitForBanner: boolean,
): Promise<Started> {
  expect(existsSync(CLI), `${CLI} is missing: run \`npm run build\` (make test does)`).toBe(true);
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(command, args, { env: cleanEnv({ PORT: String(port), ...env }) });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (waitForBanner) {
    await expect
      .poll(() => stdout.includes('Almanac is running at') || child.exitCode !== null, {
        timeout: 45_000,
        interval: 100,
      })
      .toBe(true);
    expect(child.exitCode, `the gateway exited early:\n${stderr}`).toBeNull();
  }
  return { child, url: `http://127.0.0.1:${port}/`, port, stdout: () => stdout, stderr: () => stderr, exited };
}
