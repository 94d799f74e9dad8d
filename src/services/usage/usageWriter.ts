/**
 * How a flush of the usage recorder (usageRecorder.ts) is written: each tenant's records to its
 * stream (store/usageRecords.ts), then the AlmanacRequest metrics of each record's action
 * (usageMetrics.ts) as series of the storing backend, appended in `add` mode so each stored
 * second holds the bucket state of every request in it.
 *
 * The rule: clients choose their application name, so usage series cannot grow with it: the
 * first `maxApplications` applications of a tenant get series of their own, and a later one is
 * tagged `other` in the series (never in the record).
 */
import type { Sample, StoringBackend } from '../../backends/backend.js';
import { stateOfValue } from '../../domain/bucketState.js';
import type { NewUsageRecord, UsageRecord } from '../../domain/usageRecord.js';
import type { UsageRecords } from '../../store/usageRecords.js';
import { USAGE_METRICS, usageSeriesName, usageTags } from './usageMetrics.js';
import { UsageWriteError } from './usageRecorder.js';

/** The application tag of usage series whose application is past `maxApplications`. */
export const OTHER_APPLICATION = 'other';

/** An application as its series tag has it (lower-cased): `App` and `app` share one place. */
function applicationKey(record: UsageRecord): string {
  return record.application.toLowerCase();
}

export class UsageWriter {
  constructor(
    private readonly records: UsageRecords,
    private readonly backend: StoringBackend,
  ) {}

  /**
   * Writes a flush, each tenant's records independently; rejects with a UsageWriteError that
   * counts the records of the tenants that failed.
   */
  async write(records: readonly NewUsageRecord[]): Promise<void> {
    const byTenant = new Map<string, NewUsageRecord[]>();
    for (const record of records) {
      const list = byTenant.get(record.tenant);
      if (list) list.push(record);
      else byTenant.set(record.tenant, [record]);
    }
    const groups = [...byTenant];
    const results = await Promise.allSettled(groups.map(([tenant, group]) => this.writeTenant(tenant, group)));
    let failed = 0;
    let cause: unknown;
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') return;
      failed += groups[index]?.[1].length ?? 0;
      cause ??= result.reason;
    });
    if (failed > 0) throw new UsageWriteError(failed, { cause });
  }

  private async writeTenant(tenant: string, pending: readonly NewUsageRecord[]): Promise<void> {
    // In time order, so ids follow timestamps within a flush and `first`/`last` of a second's state are right.
    const sorted = [...pending].sort((a, b) => a.timestamp - b.timestamp);
    const stored = await this.records.append(tenant, sorted);
    const admitted = await this.records.admitApplications(tenant, [...new Set(stored.map(applicationKey))]);
    const samples: Sample[] = [];
    for (const record of stored) {
      const time = Math.floor(record.timestamp / 1000);
      const application = admitted.has(applicationKey(record)) ? record.application : OTHER_APPLICATION;
      const tags = usageTags({ ...record, application });
      for (const metric of USAGE_METRICS) {
        if (metric.action !== record.action) continue;
        samples.push({ metric: usageSeriesName(metric), tags, time, state: stateOfValue(metric.value(record)) });
      }
    }
    await this.backend.store.append(tenant, samples, 'add');
  }
}
