/**
 * Environments (AppOptics reference): named parts of a tenant's network. Tokens may belong to
 * one; measurements written with such a token get the tag `environment=<name>`.
 * Redis: `{t:<tenant>}:environments` (hash id → JSON record) and
 * `{t:<tenant>}:environment-names` (hash lower-cased name → id, which makes names unique).
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import { wildcardMatcher } from '../domain/wildcard.js';
import { ConflictError, NotFoundError, UserInputError } from '../errors.js';
import type { Store } from '../store/store.js';

export interface Environment {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The tag value rules of the reference, since the name becomes a tag value. */
const ENVIRONMENT_NAME = /^[-.:_?\\/\w ]{1,255}$/;

export class EnvironmentService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async list(tenant: string, namePattern?: string | null): Promise<Environment[]> {
    const records = Object.values(await this.store.redis.hgetall(this.recordsKey(tenant))).map(parseRecord);
    const matches = namePattern ? wildcardMatcher(namePattern) : () => true;
    return records.filter((environment) => matches(environment.name)).sort((a, b) => a.name.localeCompare(b.name));
  }

  async find(tenant: string, id: string): Promise<Environment | null> {
    const record = await this.store.redis.hget(this.recordsKey(tenant), id);
    return record ? parseRecord(record) : null;
  }

  async findByName(tenant: string, name: string): Promise<Environment | null> {
    const id = await this.store.redis.hget(this.namesKey(tenant), name.toLowerCase());
    return id ? this.find(tenant, id) : null;
  }

  async create(tenant: string, name: string): Promise<Environment> {
    checkName(name);
    const now = this.clock.now();
    const environment: Environment = { id: randomUUID(), name, createdAt: now, updatedAt: now };
    await this.reserveName(tenant, name, environment.id);
    await this.store.redis.hset(this.recordsKey(tenant), environment.id, JSON.stringify(environment));
    return environment;
  }

  async rename(tenant: string, id: string, name: string): Promise<Environment> {
    checkName(name);
    const current = await this.find(tenant, id);
    if (!current) throw new NotFoundError(`no environment with id "${id}"`, { id });
    if (current.name.toLowerCase() !== name.toLowerCase()) await this.reserveName(tenant, name, id);
    const renamed: Environment = { ...current, name, updatedAt: this.clock.now() };
    const pipeline = this.store.redis.multi().hset(this.recordsKey(tenant), id, JSON.stringify(renamed));
    if (current.name.toLowerCase() !== name.toLowerCase())
      pipeline.hdel(this.namesKey(tenant), current.name.toLowerCase());
    await pipeline.exec();
    return renamed;
  }

  /** Deletes an environment that no token belongs to; `tokensUsing` says how many do. */
  async delete(tenant: string, id: string, tokensUsing: number): Promise<boolean> {
    const current = await this.find(tenant, id);
    if (!current) return false;
    if (tokensUsing > 0) {
      throw new ConflictError(
        `environment "${current.name}" still has ${tokensUsing} token(s); move or delete them first`,
        { id, tokens: tokensUsing },
      );
    }
    await this.store.redis
      .multi()
      .hdel(this.recordsKey(tenant), id)
      .hdel(this.namesKey(tenant), current.name.toLowerCase())
      .exec();
    return true;
  }

  private async reserveName(tenant: string, name: string, id: string): Promise<void> {
    const reserved = await this.store.redis.hsetnx(this.namesKey(tenant), name.toLowerCase(), id);
    if (reserved === 0) throw new ConflictError(`an environment named "${name}" already exists`, { name });
  }

  private recordsKey(tenant: string): string {
    return this.store.tenantKey(tenant, 'environments');
  }

  private namesKey(tenant: string): string {
    return this.store.tenantKey(tenant, 'environment-names');
  }
}

function checkName(name: string): void {
  if (!ENVIRONMENT_NAME.test(name)) {
    throw new UserInputError(
      `environment name "${name.slice(0, 60)}" is invalid: use 1-255 letters, digits, spaces or -.:_?\\/`,
      { field: 'name' },
    );
  }
}

function parseRecord(json: string): Environment {
  const record = JSON.parse(json) as { id: string; name: string; createdAt: string; updatedAt: string };
  return { ...record, createdAt: new Date(record.createdAt), updatedAt: new Date(record.updatedAt) };
}
