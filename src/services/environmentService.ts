/**
 * Environments (AppOptics reference): named parts of a tenant's network. Tokens may belong to
 * one; measurements written with such a token get the tag `environment=<name>`. The records
 * are store/environmentRecords.ts's; here are the rules: a valid name, unique in the tenant
 * whatever its case, and no deleting an environment a token still belongs to.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import { wildcardMatcher } from '../domain/wildcard.js';
import { ConflictError, NotFoundError, UserInputError } from '../errors.js';
import type { Environment, EnvironmentRecords } from '../store/environmentRecords.js';

export type { Environment } from '../store/environmentRecords.js';

/** The tag value rules of the reference, since the name becomes a tag value. */
const ENVIRONMENT_NAME = /^[-.:_?\\/\w ]{1,255}$/;

export class EnvironmentService {
  constructor(
    private readonly records: EnvironmentRecords,
    private readonly clock: Clock,
  ) {}

  async list(tenant: string, namePattern?: string | null): Promise<Environment[]> {
    const records = await this.records.all(tenant);
    const matches = namePattern ? wildcardMatcher(namePattern) : () => true;
    return records.filter((environment) => matches(environment.name)).sort((a, b) => a.name.localeCompare(b.name));
  }

  find(tenant: string, id: string): Promise<Environment | null> {
    return this.records.get(tenant, id);
  }

  async findByName(tenant: string, name: string): Promise<Environment | null> {
    const id = await this.records.idByName(tenant, name);
    return id ? this.find(tenant, id) : null;
  }

  async create(tenant: string, name: string): Promise<Environment> {
    checkName(name);
    const now = this.clock.now();
    const environment: Environment = { id: randomUUID(), name, createdAt: now, updatedAt: now };
    await this.reserveName(tenant, name, environment.id);
    await this.records.write(tenant, environment);
    return environment;
  }

  async rename(tenant: string, id: string, name: string): Promise<Environment> {
    checkName(name);
    const current = await this.find(tenant, id);
    if (!current) throw new NotFoundError(`no environment with id "${id}"`, { id });
    const renaming = current.name.toLowerCase() !== name.toLowerCase();
    if (renaming) await this.reserveName(tenant, name, id);
    const renamed: Environment = { ...current, name, updatedAt: this.clock.now() };
    await this.records.write(tenant, renamed, renaming ? current.name : null);
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
    await this.records.remove(tenant, current);
    return true;
  }

  private async reserveName(tenant: string, name: string, id: string): Promise<void> {
    if (!(await this.records.reserveName(tenant, name, id))) {
      throw new ConflictError(`an environment named "${name}" already exists`, { name });
    }
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
