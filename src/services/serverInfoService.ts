/** Facts about this server process: version and uptime. */
import { readFileSync } from 'node:fs';
import type { Clock } from '../clock.js';

export interface ServerInfo {
  version: string;
  startedAt: Date;
  uptimeSeconds: number;
}

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** The Almanac release, from package.json. */
export const almanacVersion: string = packageJson.version;

export class ServerInfoService {
  private readonly startedAt: Date;

  constructor(private readonly clock: Clock) {
    this.startedAt = clock.now();
  }

  info(): ServerInfo {
    const uptimeSeconds = (this.clock.now().getTime() - this.startedAt.getTime()) / 1000;
    return { version: almanacVersion, startedAt: this.startedAt, uptimeSeconds };
  }
}
