/**
 * A usage record: one request served by Almanac, with the OpenDataDSL reference's fields
 * (`_id` is `id`). Written off the request path by the usage recorder (services/usage).
 */
export type UsageAction = 'read' | 'write' | 'delete';

export interface UsageRecord {
  id: string;
  tenant: string;
  action: UsageAction;
  application: string;
  detail: string;
  /** Milliseconds. */
  duration: number;
  environment: string | null;
  httpstatus: number;
  invocationId: string;
  method: string;
  responseSize: number;
  service: string;
  /** Unix milliseconds. */
  timestamp: number;
  type: 'api';
  user: string;
  value: number;
}

/** A record before it is stored: the store gives it its id. */
export type NewUsageRecord = Omit<UsageRecord, 'id'>;
