/** The harness of globalSetup.ts with a 3-node Redis Cluster on loopback instead of one redis-server. */
import type { TestProject } from 'vitest/node';
import { startHarness } from './globalSetup.js';

export default function setup(project: TestProject): Promise<() => Promise<void>> {
  return startHarness(project, 'cluster');
}
