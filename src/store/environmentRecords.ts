/**
 * Environment records in Redis (the AppOptics reference's environments).
 *
 * Redis, per tenant (the tenant's slot):
 *   store.tenantKey(tenant, 'environments')        hash: id → the record as JSON
 *   store.tenantKey(tenant, 'environment-names')   hash: lower-cased name → id
 *
 * The rule: a name is taken by reserving it in the names hash (HSETNX) before its record is
 * written, so two environments of a tenant never share a name, whatever its case.
 */
import type { Store } from './store.js';

export interface Environment {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

export class EnvironmentRecords {
  constructor(private readonly store: Store) {}

  /** Every environment of the tenant, in no particular order. */
  async all(tenant: string): Promise<Environment[]> {
    return Object.values(await this.store.redis.hgetall(this.recordsKey(tenant))).map(parseRecord);
  }

  async get(tenant: string, id: string): Promise<Environment | null> {
    const record = await this.store.redis.hget(this.recordsKey(tenant), id);
    return record ? parseRecord(record) : null;
  }

  /** The id of the environment named `name` in any case; null when none is. */
  idByName(tenant: string, name: string): Promise<string | null> {
    return this.store.redis.hget(this.namesKey(tenant), name.toLowerCase());
  }

  /** Takes `name` (in any case) for `id`; false when another environment has it already. */
  async reserveName(tenant: string, name: string, id: string): Promise<boolean> {
    return (await this.store.redis.hsetnx(this.namesKey(tenant), name.toLowerCase(), id)) === 1;
  }

  /**
   * Writes the record; `releasedName`, the name it had before a rename, is given up in the same
   * transaction (its new name must be reserved first).
   */
  async write(tenant: string, environment: Environment, releasedName: string | null = null): Promise<void> {
    if (releasedName === null) {
      await this.store.redis.hset(this.recordsKey(tenant), environment.id, JSON.stringify(environment));
      return;
    }
    await this.store.redis
      .multi()
      .hset(this.recordsKey(tenant), environment.id, JSON.stringify(environment))
      .hdel(this.namesKey(tenant), releasedName.toLowerCase())
      .exec();
  }

  /** Deletes the record and frees its name, in one transaction. */
  async remove(tenant: string, environment: Environment): Promise<void> {
    await this.store.redis
      .multi()
      .hdel(this.recordsKey(tenant), environment.id)
      .hdel(this.namesKey(tenant), environment.name.toLowerCase())
      .exec();
  }

  private recordsKey(tenant: string): string {
    return this.store.tenantKey(tenant, 'environments');
  }

  private namesKey(tenant: string): string {
    return this.store.tenantKey(tenant, 'environment-names');
  }
}

function parseRecord(json: string): Environment {
  const record = JSON.parse(json) as { id: string; name: string; createdAt: string; updatedAt: string };
  return { ...record, createdAt: new Date(record.createdAt), updatedAt: new Date(record.updatedAt) };
}
